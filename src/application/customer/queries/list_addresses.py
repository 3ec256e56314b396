"""The signed-in customer lists their saved addresses."""

import msgspec

from application.customer.lookups import signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import AddressView
from application.identity.actors import CustomerActor


class AddressList(msgspec.Struct, frozen=True):
    items: list[AddressView]


class ListAddresses:
    """The signed-in customer, their own address book only: live addresses, oldest first; removed ones
    never appear."""

    def __init__(self, customers: CustomerRepository) -> None:
        self._customers = customers

    async def execute(self, *, actor: CustomerActor) -> AddressList:
        customer = await signed_in_customer(self._customers, actor)
        return AddressList(items=[AddressView.of(a) for a in customer.live_addresses])
