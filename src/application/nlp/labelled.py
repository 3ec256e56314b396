"""Labelled examples the language services are trained and measured on."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from application.nlp.ports import Intent


@dataclass(frozen=True, slots=True)
class LabelledUtterance:
    """A customer message and every intent it expresses (several for a multi-intent message)."""

    text: str
    intents: tuple[Intent, ...]


@dataclass(frozen=True, slots=True)
class ExpectedEntities:
    """What an entity case must find; a field left None must come out None (or no service)."""

    service_name: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    pincode: str | None = None
    booking_reference: str | None = None
    quantity: int | None = None
    budget: Decimal | None = None


@dataclass(frozen=True, slots=True)
class EntityCase:
    text: str
    now: datetime
    expected: ExpectedEntities


HELD_OUT_SPLITS = 5


class LabelledData(Protocol):
    """The labelled sets shipped with the product."""

    def intent_training(self) -> Sequence[LabelledUtterance]:
        """The training split."""
        ...

    def intent_held_out(self, number: int = 1) -> Sequence[LabelledUtterance]:
        """Held-out split `number` (1 to HELD_OUT_SPLITS): phrasings never used for training. Split 1 is the
        original one; 2 to 5 were written later, each before the model it first measured was seen on
        it."""
        ...

    def entity_cases(self) -> Sequence[EntityCase]:
        """Texts with the entities expected at a fixed `now`."""
        ...
