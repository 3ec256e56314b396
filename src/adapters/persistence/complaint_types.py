"""Column type of a complaint's priority factors: a JSON list in a TEXT column (portable to SQLite and
MySQL/MariaDB), loaded as a tuple of PriorityFactor."""

import json
from typing import Any

from sqlalchemy import Dialect, Text, TypeDecorator

from domain.complaint.values import PriorityFactor


class PriorityFactorsType(TypeDecorator[tuple[PriorityFactor, ...]]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[PriorityFactor, ...] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps([{"name": f.name, "detail": f.detail, "points": f.points} for f in value])

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[PriorityFactor, ...]:
        if not value:
            return ()
        items: list[dict[str, Any]] = json.loads(value)
        return tuple(PriorityFactor(str(i["name"]), str(i["detail"]), int(i["points"])) for i in items)
