"""The signed-in customer edits one of their saved addresses."""

import msgspec

from application.common.ports import UnitOfWork
from application.customer.lookups import given, locate, own_address, signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import AddressView
from application.identity.actors import CustomerActor
from application.serviceability.ports import PincodeDirectory
from domain.customer.entities import AddressId


class ChangeAddress(msgspec.Struct, frozen=True):
    """UNSET leaves a field alone."""

    address_id: int
    label: str | msgspec.UnsetType = msgspec.UNSET
    line1: str | msgspec.UnsetType = msgspec.UNSET
    line2: str | msgspec.UnsetType = msgspec.UNSET
    landmark: str | msgspec.UnsetType = msgspec.UNSET
    pincode: str | msgspec.UnsetType = msgspec.UNSET
    is_default: bool | msgspec.UnsetType = msgspec.UNSET


class ChangeAddressHandler:
    """The signed-in customer, on their own live addresses only: AddressNotFound for an unknown, removed or
    someone else's id. A new pincode refills locality, city and state (InvalidPincode, UnknownPincode);
    `is_default` true makes it the default, false on the default is refused (DefaultAddressRequired)."""

    def __init__(self, customers: CustomerRepository, pincodes: PincodeDirectory, uow: UnitOfWork) -> None:
        self._customers = customers
        self._pincodes = pincodes
        self._uow = uow

    async def execute(self, cmd: ChangeAddress, *, actor: CustomerActor) -> AddressView:
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        own_address(customer, cmd.address_id)
        pincode = given(cmd.pincode)
        address = customer.change_address(
            AddressId(cmd.address_id),
            label=given(cmd.label),
            line1=given(cmd.line1),
            line2=given(cmd.line2),
            landmark=given(cmd.landmark),
            location=await locate(self._pincodes, pincode) if pincode is not None else None,
            default=given(cmd.is_default),
        )
        await self._uow.commit()
        return AddressView.of(address)
