"""The one rule every language service applies to its input."""

import msgspec

from application.common.errors import InvalidInput

MAX_TEXT_LENGTH = 2000


class NlpText(msgspec.Struct, frozen=True):
    text: str


def checked_text(query: NlpText) -> str:
    """The text, stripped; InvalidInput when it is blank or longer than MAX_TEXT_LENGTH characters."""
    text = query.text.strip()
    if not text:
        raise InvalidInput("text", "text is empty")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidInput("text", f"text is longer than {MAX_TEXT_LENGTH} characters")
    return text
