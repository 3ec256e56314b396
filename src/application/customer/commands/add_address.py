"""The signed-in customer saves a new address."""

import msgspec

from application.common.ports import UnitOfWork
from application.customer.lookups import locate, signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import AddressView
from application.identity.actors import CustomerActor
from application.serviceability.ports import PincodeDirectory


class AddAddress(msgspec.Struct, frozen=True):
    label: str
    line1: str
    pincode: str
    line2: str = ""
    landmark: str = ""
    is_default: bool = False


class AddAddressHandler:
    """The signed-in customer, to their own address book. Locality, city and state come from the pincode
    directory: a malformed pincode is InvalidPincode, an unknown one UnknownPincode. The address book rules
    hold (at most MAX_ADDRESSES, TooManyAddresses; the first address is the default)."""

    def __init__(self, customers: CustomerRepository, pincodes: PincodeDirectory, uow: UnitOfWork) -> None:
        self._customers = customers
        self._pincodes = pincodes
        self._uow = uow

    async def execute(self, cmd: AddAddress, *, actor: CustomerActor) -> AddressView:
        location = await locate(self._pincodes, cmd.pincode)
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        address = customer.add_address(
            label=cmd.label,
            line1=cmd.line1,
            line2=cmd.line2,
            landmark=cmd.landmark,
            location=location,
            make_default=cmd.is_default,
        )
        await self._customers.flush()
        await self._uow.commit()
        return AddressView.of(address)
