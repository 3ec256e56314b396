"""Sign-in identifiers: an email address or an Indian mobile number, in whatever form people type."""

from domain.shared.email import Email
from domain.shared.phone import PhoneNumber


def parse_identifier(raw: str) -> Email | PhoneNumber:
    """Raises InvalidEmail / InvalidPhoneNumber for text that is neither."""
    return Email.parse(raw) if "@" in raw else PhoneNumber.parse(raw)
