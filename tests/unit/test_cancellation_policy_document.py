"""The shipped Cancellation and Refund Policy states exactly the numbers the booking code applies: changing
either one without the other fails here."""

import re
from datetime import timedelta
from decimal import Decimal
from importlib import resources

from domain.booking.cancellation import (
    DEFAULT_WINDOW,
    MAX_RESCHEDULES,
    PARTIAL_SHARE,
    RESCHEDULE_CUTOFF,
    WINDOWS,
    RefundWindow,
)

ROW = re.compile(
    r"^\| (?P<name>[^|]+?) \| more than (?P<full>\d+) hours before the slot "
    r"\| more than (?P<partial>\d+) hours and up to (?P<upper>\d+) hours before "
    r"\| (?P<none>\d+) hours or less before \|$",
    re.MULTILINE,
)
SLUG = re.compile(r"\(`([a-z0-9-]+)`\)")


def document() -> str:
    path = resources.files("adapters.knowledge").joinpath("policies", "cancellation-and-refund.md")
    return path.read_text(encoding="utf-8")


def stated_windows() -> dict[str, RefundWindow]:
    windows: dict[str, RefundWindow] = {}
    for row in ROW.finditer(document()):
        full, partial = int(row["full"]), int(row["partial"])
        assert int(row["upper"]) == full, row.group(0)
        assert int(row["none"]) == partial, row.group(0)
        slug = SLUG.search(row["name"])
        key = slug.group(1) if slug else ("default" if "(default)" in row["name"] else row["name"])
        windows[key] = RefundWindow(full=timedelta(hours=full), partial=timedelta(hours=partial))
    return windows


def test_every_category_window_in_the_document_matches_the_code() -> None:
    stated = stated_windows()
    assert {k: v for k, v in stated.items() if k != "default"} == WINDOWS


def test_the_default_window_in_the_document_matches_the_code() -> None:
    assert stated_windows()["default"] == DEFAULT_WINDOW


def test_the_partial_refund_share_matches_the_code() -> None:
    shares = {Decimal(n) / 100 for n in re.findall(r"(\d+)% refund", document())}
    assert shares == {PARTIAL_SHARE}
    stated = re.findall(r"exactly (\d+)% of the amount you paid", document())
    assert [Decimal(n) / 100 for n in stated] == [PARTIAL_SHARE]


def test_the_reschedule_limit_and_cutoff_match_the_code() -> None:
    text = " ".join(document().split())
    limits = {int(n) for n in re.findall(r"at most (\d+) times per booking", text)}
    cutoffs = {
        int(n) for n in re.findall(r"at least (\d+) hours? before the start of the current slot", text)
    }
    closes = {int(n) for n in re.findall(r"rescheduling closes (\d+) hours? before", text)}
    assert limits == {MAX_RESCHEDULES}
    assert cutoffs == closes == {int(RESCHEDULE_CUTOFF / timedelta(hours=1))}


def test_the_document_states_full_refunds_when_the_customer_did_not_cancel_and_none_for_cash() -> None:
    text = " ".join(document().split())
    assert "the professional cancels" in text
    assert "Nexora operations or our systems cancel" in text
    assert "you get a full refund of everything you paid, whatever the notice" in text
    assert (
        "pay in cash after the visit, nothing has been paid when you cancel, so there is nothing to refund"
        in text
    )
