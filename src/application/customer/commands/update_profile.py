"""The signed-in customer changes their name, email or mobile number."""

import msgspec

from application.common.ports import UnitOfWork
from application.customer.lookups import given, signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import CustomerView
from application.identity.actors import CustomerActor
from application.identity.errors import AccountExists
from domain.customer.entities import Customer
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber


class UpdateProfile(msgspec.Struct, frozen=True):
    """UNSET leaves a field alone; None removes the email or the mobile."""

    name: str | msgspec.UnsetType = msgspec.UNSET
    email: str | msgspec.UnsetType | None = msgspec.UNSET
    phone: str | msgspec.UnsetType | None = msgspec.UNSET


class UpdateProfileHandler:
    """The signed-in customer, on their own account only. Changes what was given: a new email or mobile is
    unverified until confirmed again; one another account uses is refused (AccountExists, naming no
    detail); removing the email or mobile is refused when no contact would remain (ContactRequired)."""

    def __init__(self, customers: CustomerRepository, uow: UnitOfWork) -> None:
        self._customers = customers
        self._uow = uow

    async def execute(self, cmd: UpdateProfile, *, actor: CustomerActor) -> CustomerView:
        email = given(cmd.email)
        phone = given(cmd.phone)
        new_email = Email.parse(email) if email is not None else None
        new_phone = PhoneNumber.parse(phone) if phone is not None else None
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        if await self._taken(customer, new_email, new_phone):
            raise AccountExists()
        customer.update_profile(name=given(cmd.name), email=new_email, phone=new_phone)
        if cmd.email is None or cmd.phone is None:
            customer.remove_contact(email=cmd.email is None, phone=cmd.phone is None)
        await self._uow.commit()
        return CustomerView.of(customer)

    async def _taken(self, customer: Customer, email: Email | None, phone: PhoneNumber | None) -> bool:
        """Whether a new email or mobile already belongs to another account."""
        if email is not None and email != customer.email and await self._customers.find_by_email(email):
            return True
        return (
            phone is not None
            and phone != customer.phone
            and await self._customers.find_by_phone(phone) is not None
        )
