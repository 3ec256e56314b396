"""The signed-in customer reads one of their saved addresses."""

import msgspec

from application.customer.lookups import own_address, signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import AddressView
from application.identity.actors import CustomerActor


class GetAddressQuery(msgspec.Struct, frozen=True):
    address_id: int


class GetAddress:
    """The signed-in customer, their own live addresses only. AddressNotFound for an unknown, removed or
    someone else's id (the same answer for all three)."""

    def __init__(self, customers: CustomerRepository) -> None:
        self._customers = customers

    async def execute(self, query: GetAddressQuery, *, actor: CustomerActor) -> AddressView:
        customer = await signed_in_customer(self._customers, actor)
        return AddressView.of(own_address(customer, query.address_id))
