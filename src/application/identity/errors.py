"""Errors of authentication and authorisation."""

from application.common.errors import ApplicationError


class Unauthenticated(ApplicationError):
    """No valid credentials: missing, malformed, expired, revoked or wrong. Deliberately vague."""

    code = "unauthenticated"

    def __init__(
        self, message: str = "sign in again: the credentials are missing, invalid or expired"
    ) -> None:
        super().__init__(message)


class InvalidCredentials(Unauthenticated):
    """Login failed. Never says whether the account exists."""

    code = "invalid_credentials"

    def __init__(self) -> None:
        super().__init__("the email/mobile or password is wrong")


class Forbidden(ApplicationError):
    code = "forbidden"

    def __init__(self, permission: str) -> None:
        super().__init__(f"you do not have the permission this needs ({permission})")
        self.permission = permission


class RateLimited(ApplicationError):
    code = "rate_limited"

    def __init__(self, retry_after_seconds: int, what: str = "too many attempts") -> None:
        super().__init__(f"{what}; try again in {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds


class AccountExists(ApplicationError):
    """Sign-up details collide with an existing account. The message does not say which detail."""

    code = "account_exists"

    def __init__(self) -> None:
        super().__init__(
            "these sign-up details cannot be used; if you already have an account, "
            "sign in or reset your password"
        )
