"""Measure entity extraction on the shipped labelled cases, each at its own fixed `now`."""

import msgspec

from application.nlp.labelled import EntityCase, LabelledData
from application.nlp.ports import Entities, EntityExtractor

NO_SERVICE = "-"
"""A case's expected service when the text must name none; a case that gives no service checks none."""
FIELDS = ("service", "when", "pincode", "booking_reference", "quantity", "budget")


class EntityMiss(msgspec.Struct, frozen=True):
    text: str
    field: str
    expected: str
    got: str


class EntityReport(msgspec.Struct, frozen=True):
    cases: int
    exact: int
    """Cases where every field came out as expected."""
    field_accuracy: dict[str, float]
    misses: list[EntityMiss]


class EvaluateEntities:
    """Operators and CI run it; it reads only the shipped labelled data and stores nothing."""

    def __init__(self, extractor: EntityExtractor, data: LabelledData) -> None:
        self._extractor = extractor
        self._data = data

    async def execute(self) -> EntityReport:
        cases = self._data.entity_cases()
        right = dict.fromkeys(FIELDS, 0)
        misses: list[EntityMiss] = []
        exact = 0
        for case in cases:
            found = await self._extractor.extract(case.text, now=case.now)
            wrong = compare(case, found)
            for field in FIELDS:
                right[field] += all(m.field != field for m in wrong)
            exact += not wrong
            misses.extend(wrong)
        total = len(cases) or 1
        return EntityReport(
            cases=len(cases),
            exact=exact,
            field_accuracy={f: right[f] / total for f in FIELDS},
            misses=misses,
        )


def compare(case: EntityCase, found: Entities) -> list[EntityMiss]:
    """The fields of `found` that differ from what the case expects."""
    want = case.expected
    window = found.when
    best_service = found.services[0].name if found.services else None
    if want.service_name is None:
        best_service = None  # not checked by this case
    pairs = {
        "service": (None if want.service_name == NO_SERVICE else want.service_name, best_service),
        "when": (
            (want.start, want.end) if want.start else None,
            (window.start, window.end) if window else None,
        ),
        "pincode": (want.pincode, found.pincode),
        "booking_reference": (want.booking_reference, found.booking_reference),
        "quantity": (want.quantity, found.quantity),
        "budget": (want.budget, found.budget.amount if found.budget else None),
    }
    return [
        EntityMiss(case.text, field, str(expected), str(got))
        for field, (expected, got) in pairs.items()
        if expected != got
    ]
