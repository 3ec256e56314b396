"""The shipped Terms of Service state exactly the complaint service levels the code applies: changing either
one without the other fails here."""

import re
from datetime import timedelta
from importlib import resources

from domain.complaint.policy import SERVICE_LEVELS

ROW = re.compile(
    r"^\| (?P<priority>Critical|High|Medium|Low) \| (?P<first>\d+) hours? "
    r"\| (?P<resolve>\d+) hours?[^|]* \|$",
    re.MULTILINE,
)


def terms() -> str:
    path = resources.files("adapters.knowledge").joinpath("policies", "terms-of-service.md")
    return path.read_text(encoding="utf-8")


def test_the_terms_state_the_first_response_and_resolution_times_of_every_priority() -> None:
    stated = {
        m["priority"].lower(): (timedelta(hours=int(m["first"])), timedelta(hours=int(m["resolve"])))
        for m in ROW.finditer(terms())
    }

    assert stated == {
        priority.value: (level.first_response, level.resolution) for priority, level in SERVICE_LEVELS.items()
    }


def test_the_terms_promise_no_acknowledgement_sooner_than_the_slowest_first_response() -> None:
    slowest = max(level.first_response for level in SERVICE_LEVELS.values())
    promised = [int(h) for h in re.findall(r"acknowledged within (\d+) hours", terms())]

    assert promised == [slowest // timedelta(hours=1)]
    assert "within 24 hours" not in terms().split("## Complaints")[1].split("Grievance Officer")[0]
