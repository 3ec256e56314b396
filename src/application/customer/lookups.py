"""Steps every own-account use case shares: find the actor's account, one of its addresses, a location."""

from typing import TypeVar

import msgspec

from application.customer.errors import AddressNotFound, UnknownPincode
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from application.identity.errors import Unauthenticated
from application.serviceability.ports import PincodeDirectory
from domain.customer.addresses import Location
from domain.customer.entities import Address, AddressId, Customer, CustomerId
from domain.shared.pincode import Pincode

T = TypeVar("T")


async def signed_in_customer(
    customers: CustomerRepository, actor: CustomerActor, *, for_update: bool = False
) -> Customer:
    """The actor's own account (locked for the transaction with `for_update`). Unauthenticated when it was
    deleted or deactivated after the token was issued."""
    customer_id = CustomerId(actor.customer_id)
    customer = await (customers.get_for_update(customer_id) if for_update else customers.get(customer_id))
    if customer is None or not customer.can_sign_in:
        raise Unauthenticated()
    return customer


def own_address(customer: Customer, address_id: int) -> Address:
    """A live address of this customer; AddressNotFound for removed, unknown and other customers' ids."""
    address = customer.address(AddressId(address_id))
    if address is None:
        raise AddressNotFound(address_id)
    return address


async def locate(pincodes: PincodeDirectory, raw_pincode: str) -> Location:
    """InvalidPincode for a malformed pincode, UnknownPincode for one the directory does not know."""
    pincode = Pincode.parse(raw_pincode)
    info = await pincodes.lookup(pincode)
    if info is None:
        raise UnknownPincode(pincode.value)
    return Location(pincode=info.pincode, locality=info.locality, city=info.city, state=info.state)


def given(value: T | msgspec.UnsetType) -> T | None:
    """A PATCH field: None when the client left it out."""
    return None if isinstance(value, msgspec.UnsetType) else value
