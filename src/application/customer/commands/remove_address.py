"""The signed-in customer removes one of their saved addresses."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.customer.lookups import own_address, signed_in_customer
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from domain.customer.entities import AddressId


class RemoveAddress(msgspec.Struct, frozen=True):
    address_id: int


class RemoveAddressHandler:
    """The signed-in customer, on their own live addresses only: AddressNotFound for an unknown, removed or
    someone else's id. A soft delete (bookings keep referring to it); when it was the default, the oldest
    remaining address becomes the default."""

    def __init__(self, customers: CustomerRepository, uow: UnitOfWork, clock: Clock) -> None:
        self._customers = customers
        self._uow = uow
        self._clock = clock

    async def execute(self, cmd: RemoveAddress, *, actor: CustomerActor) -> None:
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        own_address(customer, cmd.address_id)
        customer.remove_address(AddressId(cmd.address_id), now=self._clock.now())
        await self._uow.commit()
