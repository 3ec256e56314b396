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


HELD_OUT_SPLITS = (6, 7, 8)
"""The held-out splits in use. Splits 1-5 were measured in earlier sessions, then moved into training."""


class LabelledData(Protocol):
    """The labelled sets shipped with the product."""

    def intent_training(self) -> Sequence[LabelledUtterance]:
        """The training split."""
        ...

    def intent_held_out(self, number: int = HELD_OUT_SPLITS[0]) -> Sequence[LabelledUtterance]:
        """Held-out split `number` (one of HELD_OUT_SPLITS): messages never used for training or tuning,
        written blind to the model and the training data from the labelling guide alone."""
        ...

    def entity_cases(self) -> Sequence[EntityCase]:
        """Texts with the entities expected at a fixed `now`."""
        ...
