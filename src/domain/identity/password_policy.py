"""What a password must be. One policy for customers and staff, stated so the API docs can quote it."""

from dataclasses import dataclass

from domain.shared.errors import InvalidValue

MIN_LENGTH = 10
MAX_LENGTH = 128
COMMON = frozenset(
    {
        "password123",
        "password1234",
        "qwerty12345",
        "1234567890",
        "iloveyou123",
        "welcome123",
        "admin12345",
        "india12345",
        "letmein123",
        "abc1234567",
        "passw0rd123",
        "nexora12345",
    }
)
POLICY_TEXT = (
    f"{MIN_LENGTH} to {MAX_LENGTH} characters with at least one letter and one digit, not a common password, "
    "and not containing your email name or mobile number"
)


class WeakPassword(InvalidValue):
    code = "weak_password"

    def __init__(self, reason: str) -> None:
        super().__init__("password", f"password too weak: {reason}. Rule: {POLICY_TEXT}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    """Length first (long passphrases beat symbol rules), plus a few cheap checks against the obvious."""

    def check(self, password: str, *, personal: tuple[str, ...] = ()) -> None:
        """Raise WeakPassword naming the first rule the password breaks."""
        if len(password) < MIN_LENGTH:
            raise WeakPassword(f"shorter than {MIN_LENGTH} characters")
        if len(password) > MAX_LENGTH:
            raise WeakPassword(f"longer than {MAX_LENGTH} characters")
        if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
            raise WeakPassword("needs at least one letter and one digit")
        lowered = password.lower()
        if lowered in COMMON or len(set(lowered)) < 4:
            raise WeakPassword("too common or too repetitive")
        for item in personal:
            if item and len(item) >= 4 and item.lower() in lowered:
                raise WeakPassword("contains your email name or mobile number")
