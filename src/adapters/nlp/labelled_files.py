"""The labelled sets shipped inside the package (src/adapters/nlp/data), read from their files."""

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from application.nlp.labelled import HELD_OUT_SPLITS, EntityCase, ExpectedEntities, LabelledUtterance
from application.nlp.ports import Intent

DATA = Path(__file__).parent / "data"
TRAIN = DATA / "intents_train.tsv"
HELD_OUT = {split: DATA / f"intents_heldout{split}.tsv" for split in HELD_OUT_SPLITS}
ENTITIES = DATA / "entities.jsonl"


def read_utterances(path: Path) -> list[LabelledUtterance]:
    """Lines of `intent[+intent...]<TAB>text`; `#` lines are comments."""
    utterances = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected 'intent<TAB>text'")
        utterances.append(LabelledUtterance(text=text, intents=tuple(Intent(x) for x in labels.split("+"))))
    return utterances


def read_entity_cases(path: Path) -> list[EntityCase]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = json.loads(line)
        want = row["expect"]
        cases.append(
            EntityCase(
                text=row["text"],
                now=datetime.fromisoformat(row["now"]),
                expected=ExpectedEntities(
                    service_name=want.get("service"),
                    start=datetime.fromisoformat(want["start"]) if "start" in want else None,
                    end=datetime.fromisoformat(want["end"]) if "end" in want else None,
                    pincode=want.get("pincode"),
                    booking_reference=want.get("reference"),
                    quantity=want.get("quantity"),
                    budget=Decimal(want["budget"]) if "budget" in want else None,
                ),
            )
        )
    return cases


class ShippedLabelledData:
    """LabelledData from the files in the package; each file is read once per process."""

    def intent_training(self) -> Sequence[LabelledUtterance]:
        return _cached(TRAIN)

    def intent_held_out(self, number: int = HELD_OUT_SPLITS[0]) -> Sequence[LabelledUtterance]:
        if number not in HELD_OUT:
            raise ValueError(f"the held-out splits are {', '.join(map(str, HELD_OUT))}, not {number}")
        return _cached(HELD_OUT[number])

    def entity_cases(self) -> Sequence[EntityCase]:
        return _cached_entities()


@cache
def _cached(path: Path) -> tuple[LabelledUtterance, ...]:
    return tuple(read_utterances(path))


@cache
def _cached_entities() -> tuple[EntityCase, ...]:
    return tuple(read_entity_cases(ENTITIES))
