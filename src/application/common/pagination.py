"""Offset pagination for lists that are read whole (and cached whole), then served a page at a time."""

from collections.abc import Sequence
from typing import TypeVar

import msgspec

from application.common.errors import InvalidInput

MAX_LIMIT = 100
DEFAULT_LIMIT = 50
T = TypeVar("T")


class PageRequest(msgspec.Struct, frozen=True):
    """`limit` 1..MAX_LIMIT items from `offset` (0-based)."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_LIMIT}")
        if self.offset < 0:
            raise InvalidInput("offset", "offset cannot be negative")


def paginate(items: Sequence[T], page: PageRequest) -> tuple[list[T], int, int | None]:
    """(the page's items, the total, the offset of the next page or None at the end)."""
    chunk = list(items[page.offset : page.offset + page.limit])
    following = page.offset + page.limit
    return chunk, len(items), following if following < len(items) else None
