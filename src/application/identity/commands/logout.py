"""Sign out the current session."""

from application.identity.actors import CustomerActor
from application.identity.tokens import TokenService


class LogoutHandler:
    """A signed-in customer. Revokes the session's token family: its access token and every refresh token
    of that family stop working at once, on every API process."""

    def __init__(self, tokens: TokenService) -> None:
        self._tokens = tokens

    async def execute(self, *, actor: CustomerActor) -> None:
        await self._tokens.revoke_family(actor.session)
