"""Request-scoped pieces only the HTTP API has: who the caller is, from the Authorization header."""

from dishka import Provider, Scope, provide
from litestar import Request

from application.identity.actors import CustomerActor, StaffActor
from application.identity.tokens import TokenService
from application.staff.queries.authenticate_staff import AuthenticateStaff
from entrypoints.http.request_info import bearer_token


class HttpIdentityProvider(Provider):
    scope = Scope.REQUEST

    @provide
    async def customer(self, request: Request, tokens: TokenService) -> CustomerActor:  # type: ignore[type-arg]
        """The signed-in customer; Unauthenticated (401) without a valid, unrevoked customer access token."""
        claims = await tokens.authenticate(bearer_token(request), "customer")
        return CustomerActor(customer_id=claims.subject, session=claims.family)

    @provide
    async def staff(self, request: Request, authenticate: AuthenticateStaff) -> StaffActor:  # type: ignore[type-arg]
        """The signed-in, active staff member with a live session; Unauthenticated (401) otherwise."""
        return await authenticate.execute(bearer_token(request))
