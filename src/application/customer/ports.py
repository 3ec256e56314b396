"""Storage of customers and their addresses."""

from typing import Protocol

from domain.customer.entities import Customer, CustomerId
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber


class CustomerRepository(Protocol):
    """Loads and saves the Customer aggregate (with its addresses). Deleted customers are invisible.

    Raises StorageUnavailable when the store cannot be reached; `add`/flushes raise AccountExists when the
    email or phone is taken.
    """

    async def get(self, customer_id: CustomerId) -> Customer | None: ...

    async def get_for_update(self, customer_id: CustomerId) -> Customer | None:
        """`get`, holding the account's row lock until the transaction ends, so concurrent changes to one
        account (its address book above all) apply one after the other."""
        ...

    async def find_by_email(self, email: Email) -> Customer | None: ...

    async def find_by_phone(self, phone: PhoneNumber) -> Customer | None: ...

    async def add(self, customer: Customer) -> Customer:
        """Persist a new customer and give it an id."""
        ...

    async def flush(self) -> None:
        """Write pending changes so new rows (addresses) get their ids; raises AccountExists on a taken
        email or phone."""
        ...
