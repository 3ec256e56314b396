"""Trade a refresh token for a new pair (the refresh token rotates)."""

import msgspec

from application.customer.ports import CustomerRepository
from application.customer.views import AuthResult
from application.identity.errors import Unauthenticated
from application.identity.tokens import TokenService
from domain.customer.entities import CustomerId


class RefreshCustomerTokens(msgspec.Struct, frozen=True):
    refresh_token: str


class RefreshCustomerTokensHandler:
    """Anyone holding a current refresh token. A reused one signs out its whole family (Unauthenticated);
    a deleted or deactivated account cannot refresh."""

    def __init__(self, tokens: TokenService, customers: CustomerRepository) -> None:
        self._tokens = tokens
        self._customers = customers

    async def execute(self, cmd: RefreshCustomerTokens) -> AuthResult:
        pair = await self._tokens.refresh(cmd.refresh_token, "customer")
        claims = await self._tokens.authenticate(pair.access_token, "customer")
        customer = await self._customers.get(CustomerId(claims.subject))
        if customer is None or not customer.can_sign_in:
            await self._tokens.revoke_family(pair.family)
            raise Unauthenticated()
        return AuthResult.of(pair, customer)
