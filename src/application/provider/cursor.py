"""Opaque page cursors of the provider search: the ranking position of the last provider on a page."""

import base64
import binascii
from decimal import Decimal, InvalidOperation

from application.provider.errors import InvalidCursor
from application.provider.ports import RankPosition

_VERSION = "r1"
_MAX_LENGTH = 64


def encode_cursor(position: RankPosition) -> str:
    raw = f"{_VERSION}|{position.rating}|{position.provider_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> RankPosition:
    """The position a cursor stands for; InvalidCursor for anything `encode_cursor` did not produce."""
    if not cursor or len(cursor) > _MAX_LENGTH:
        raise InvalidCursor()
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        version, rating_text, id_text = raw.split("|")
        rating = Decimal(rating_text)
        provider_id = int(id_text)
    except (binascii.Error, UnicodeDecodeError, ValueError, InvalidOperation) as exc:
        raise InvalidCursor() from exc
    if version != _VERSION or not rating.is_finite() or not 0 <= rating <= 5 or provider_id < 1:
        raise InvalidCursor()
    return RankPosition(rating=rating, provider_id=provider_id)
