"""Errors of staff sign-in and staff management."""

from application.common.errors import InvalidInput, NotFoundError
from application.identity.errors import AccountExists, Forbidden


class RuleForbids(Forbidden):
    """A role-hierarchy rule refused the change. `permission` carries `rule:<name>`."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"rule:{rule}")
        self.message = message
        self.args = (message,)
        self.rule = rule


class AccountNotActive(Forbidden):
    """The password was right but the account may not sign in (pending, suspended or deactivated)."""

    code = "account_not_active"
    MESSAGES = {
        "pending": "your registration is waiting for approval by an administrator",
        "suspended": "your account is suspended; contact your manager",
        "deactivated": "your account was deactivated",
    }

    def __init__(self, status: str) -> None:
        super().__init__("rule:active_account")
        self.message = self.MESSAGES.get(status, "your account cannot sign in")
        self.args = (self.message,)
        self.status = status


class StaffNotFound(NotFoundError):
    def __init__(self, key: object) -> None:
        super().__init__("staff member", key)


class SessionNotFound(NotFoundError):
    def __init__(self, key: object) -> None:
        super().__init__("session", key)


class UnknownRole(InvalidInput):
    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__("role", f"unknown role '{code}'; one of: {', '.join(known)}")
        self.role = code


class StaffEmailTaken(AccountExists):
    """Raised to administrators creating a member; self-registration never shows it."""

    def __init__(self) -> None:
        super().__init__()
        self.message = "a staff member with this email already exists"
        self.args = (self.message,)
