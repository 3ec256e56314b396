"""In-memory fakes for the customer's own-account use cases. The contract tests run the repository and the
pincode directory through the same suites as the SQL adapters, so they stay honest."""

import copy
from collections.abc import Iterable
from datetime import timedelta

from adapters.identity.jwt_codec import PyJwtTokenCodec
from adapters.identity.memory import InMemoryRateLimiter, InMemoryTokenStore
from application.common.ports import Clock
from application.identity.errors import AccountExists
from application.identity.tokens import TokenPolicy, TokenService
from application.serviceability.ports import PincodeInfo
from domain.customer.entities import AddressId, Customer, CustomerId
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode

__all__ = [
    "FakePasswordHasher",
    "InMemoryCustomerRepository",
    "InMemoryPincodeDirectory",
    "InMemoryRateLimiter",
    "InMemoryUnitOfWork",
    "demo_pincodes",
    "make_token_service",
]

TOKEN_SECRET = "unit-test-secret-" + "y" * 32


class InMemoryCustomerRepository:
    """The CustomerRepository port over dicts, behaving like one database session.

    Loaded customers stay tracked until `new_session` (like a session that does not expire on commit);
    their changes reach later sessions only through `commit` (what the unit of work calls), which refuses
    a taken email or phone with AccountExists like the unique keys do; `rollback` forgets them. Deleted
    accounts are invisible; `flush` gives new customers and addresses their ids.
    """

    def __init__(self) -> None:
        self._committed: dict[int, Customer] = {}
        self._session: dict[int, Customer] = {}
        self._ids = {"customer": 0, "address": 0}
        self.locked: list[int] = []

    def seed(self, customer: Customer) -> Customer:
        """Store a customer as if committed long ago; returns it with its ids."""
        self._assign_ids(customer)
        self._committed[customer.id or 0] = copy.deepcopy(customer)
        return customer

    def committed(self, customer_id: int) -> Customer | None:
        """What a fresh session would load, deleted or not (for assertions)."""
        stored = self._committed.get(customer_id)
        return copy.deepcopy(stored) if stored else None

    def new_session(self) -> None:
        """Forget the objects loaded so far, as the next request would (uncommitted changes are lost)."""
        self._session.clear()

    async def get(self, customer_id: CustomerId) -> Customer | None:
        customer = self._session.get(customer_id)
        if customer is None and customer_id in self._committed:
            customer = self._session[customer_id] = copy.deepcopy(self._committed[customer_id])
        return customer if customer is not None and not customer.is_deleted else None

    async def get_for_update(self, customer_id: CustomerId) -> Customer | None:
        self.locked.append(customer_id)
        return await self.get(customer_id)

    async def find_by_email(self, email: Email) -> Customer | None:
        return next((c for c in self._visible() if c.email == email), None)

    async def find_by_phone(self, phone: PhoneNumber) -> Customer | None:
        return next((c for c in self._visible() if c.phone == phone), None)

    async def add(self, customer: Customer) -> Customer:
        self._assign_ids(customer)
        self._session[customer.id or 0] = customer
        await self.flush()
        return customer

    async def flush(self) -> None:
        for customer in self._session.values():
            self._assign_ids(customer)
        self._refuse_duplicates()

    def commit(self) -> None:
        for customer in self._session.values():
            self._assign_ids(customer)
        self._refuse_duplicates()
        self._committed.update({cid: copy.deepcopy(c) for cid, c in self._session.items()})

    def rollback(self) -> None:
        self._session.clear()

    def _visible(self) -> Iterable[Customer]:
        merged = {**self._committed, **self._session}
        return (c for c in merged.values() if not c.is_deleted)

    def _refuse_duplicates(self) -> None:
        merged = {**self._committed, **self._session}.values()
        for attribute in ("email", "phone"):
            values = [getattr(c, attribute) for c in merged if getattr(c, attribute) is not None]
            if len(values) != len(set(values)):
                raise AccountExists()

    def _assign_ids(self, customer: Customer) -> None:
        if customer.id is None:
            self._ids["customer"] += 1
            customer.id = CustomerId(self._ids["customer"])
        for address in customer.addresses:
            if address.id is None:
                self._ids["address"] += 1
                address.id = AddressId(self._ids["address"])
            address.customer_id = customer.id


class InMemoryUnitOfWork:
    def __init__(self, customers: InMemoryCustomerRepository) -> None:
        self._customers = customers
        self.commits = 0

    async def commit(self) -> None:
        self._customers.commit()
        self.commits += 1

    async def rollback(self) -> None:
        self._customers.rollback()


class FakePasswordHasher:
    """Not a hash at all: readable in assertions, and never equal to the password itself."""

    async def hash(self, password: str) -> str:
        return f"fake${password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == f"fake${password}"

    def needs_rehash(self, password_hash: str) -> bool:
        return False


class InMemoryPincodeDirectory:
    def __init__(self, entries: Iterable[PincodeInfo] = ()) -> None:
        self._entries = {e.pincode.value: e for e in entries}
        self.lookups = 0

    async def lookup(self, pincode: Pincode) -> PincodeInfo | None:
        self.lookups += 1
        return self._entries.get(pincode.value)


def demo_pincodes() -> InMemoryPincodeDirectory:
    """Two pincodes of the demo data; 999999 and the rest are unknown."""
    return InMemoryPincodeDirectory(
        [
            PincodeInfo(Pincode("560034"), "Koramangala", "Bengaluru", "Karnataka", serviceable=True),
            PincodeInfo(Pincode("400050"), "Bandra West", "Mumbai", "Maharashtra", serviceable=True),
        ]
    )


def make_token_service(clock: Clock, *, access_ttl: timedelta = timedelta(minutes=15)) -> TokenService:
    """The real token service over a real JWT codec and the in-memory token store."""
    return TokenService(
        PyJwtTokenCodec(TOKEN_SECRET), InMemoryTokenStore(), clock, TokenPolicy(access_ttl=access_ttl)
    )
