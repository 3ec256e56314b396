"""The signed-in customer reads their own profile."""

from application.customer.lookups import signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import CustomerView
from application.identity.actors import CustomerActor


class GetProfile:
    """The signed-in customer, about their own account only (the actor decides whose: no id is taken).
    Unauthenticated when the account was deleted or deactivated."""

    def __init__(self, customers: CustomerRepository) -> None:
        self._customers = customers

    async def execute(self, *, actor: CustomerActor) -> CustomerView:
        return CustomerView.of(await signed_in_customer(self._customers, actor))
