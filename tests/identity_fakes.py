"""Fakes for identity use cases: a transparent hasher, an in-memory customer store, a recording notifier."""

from dataclasses import dataclass, field
from typing import Literal

from adapters.identity.jwt_codec import PyJwtTokenCodec
from adapters.identity.memory import InMemoryOneTimeTokens, InMemoryRateLimiter, InMemoryTokenStore
from application.identity.login_guard import LoginGuard, LoginLimits
from application.identity.tokens import TokenPolicy, TokenService
from domain.customer.entities import Customer, CustomerId
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from tests.fakes import FakeClock


class FakeHasher:
    """`hashed:<password>`; hashes starting with `old:` ask for an upgrade. Records what it verified."""

    def __init__(self) -> None:
        self.verified: list[str] = []

    async def hash(self, password: str) -> str:
        return f"hashed:{password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        self.verified.append(password_hash)
        return password_hash in (f"hashed:{password}", f"old:{password}")

    def needs_rehash(self, password_hash: str) -> bool:
        return password_hash.startswith("old:")


class InMemoryCustomers:
    def __init__(self) -> None:
        self.rows: dict[int, Customer] = {}

    async def get(self, customer_id: CustomerId) -> Customer | None:
        c = self.rows.get(customer_id)
        return c if c is not None and not c.is_deleted else None

    async def find_by_email(self, email: Email) -> Customer | None:
        return next((c for c in self.rows.values() if c.email == email and not c.is_deleted), None)

    async def find_by_phone(self, phone: PhoneNumber) -> Customer | None:
        return next((c for c in self.rows.values() if c.phone == phone and not c.is_deleted), None)

    async def add(self, customer: Customer) -> Customer:
        customer.id = CustomerId(len(self.rows) + 1)
        self.rows[customer.id] = customer
        return customer

    async def flush(self) -> None:
        return None


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.commits = 0

    async def commit(self) -> None:
        self.commits += 1

    async def rollback(self) -> None:
        return None


@dataclass
class Sent:
    to: str
    channel: str
    template: str
    data: dict[str, str]


@dataclass
class RecordingNotifier:
    sent: list[Sent] = field(default_factory=list)

    async def send(
        self, *, to: str, channel: Literal["email", "sms"], template: str, data: dict[str, str]
    ) -> None:
        self.sent.append(Sent(to, channel, template, data))


@dataclass
class IdentityKit:
    """Everything an identity handler needs, wired with fakes and the in-process stores."""

    clock: FakeClock = field(default_factory=FakeClock)
    customers: InMemoryCustomers = field(default_factory=InMemoryCustomers)
    uow: FakeUnitOfWork = field(default_factory=FakeUnitOfWork)
    hasher: FakeHasher = field(default_factory=FakeHasher)
    store: InMemoryTokenStore = field(default_factory=InMemoryTokenStore)
    limiter: InMemoryRateLimiter = field(default_factory=InMemoryRateLimiter)
    one_time: InMemoryOneTimeTokens = field(default_factory=InMemoryOneTimeTokens)
    notifier: RecordingNotifier = field(default_factory=RecordingNotifier)

    @property
    def tokens(self) -> TokenService:
        return TokenService(PyJwtTokenCodec("k" * 64), self.store, self.clock, TokenPolicy())

    @property
    def guard(self) -> LoginGuard:
        return LoginGuard(self.limiter, LoginLimits())
