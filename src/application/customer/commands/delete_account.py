"""The signed-in customer deletes their account."""

from application.common.ports import Clock, UnitOfWork
from application.customer.lookups import signed_in_customer
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from application.identity.tokens import TokenService


class DeleteAccountHandler:
    """The signed-in customer, on their own account. A soft delete: name, contact details, password and
    street-level address details are scrubbed, the row stays so bookings keep their customer. Every
    session is signed out; the email and mobile become free for a new account."""

    def __init__(
        self, customers: CustomerRepository, uow: UnitOfWork, tokens: TokenService, clock: Clock
    ) -> None:
        self._customers = customers
        self._uow = uow
        self._tokens = tokens
        self._clock = clock

    async def execute(self, *, actor: CustomerActor) -> None:
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        customer.delete(now=self._clock.now())
        await self._uow.commit()
        await self._tokens.revoke_everything_of(actor.customer_id, "customer")
