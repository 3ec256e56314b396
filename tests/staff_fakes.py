"""In-memory fakes for the staff use cases: the shipped roles, members, sessions, the activity log and a
unit of work that applies session and log writes only when committed (like one database transaction)."""

import copy
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import msgspec

from adapters.identity.memory import InMemoryRateLimiter, InMemoryTokenStore
from application.common.ports import Clock
from application.identity.actors import StaffActor
from application.identity.errors import Unauthenticated
from application.identity.ports import Audience, TokenClaims, TokenKind
from application.identity.tokens import TokenPolicy, TokenService
from application.staff.audit import Audit
from application.staff.errors import StaffEmailTaken
from application.staff.ports import ActivityEntry, ActivityFilter, StaffFilter
from domain.shared.email import Email
from domain.staff.catalog import PERMISSIONS, ROLES
from domain.staff.entities import Permission, Role, RoleId, Staff, StaffId, StaffStatus
from domain.staff.session import StaffSession

__all__ = ["InMemoryRateLimiter", "InMemoryTokenStore"]

CATALOG = {code: Permission(code=code, module=module, description=text) for code, module, text in PERMISSIONS}


def shipped_roles() -> dict[str, Role]:
    return {
        code: Role(
            id=RoleId(number),
            code=code,
            name=name,
            level=level,
            description=description,
            permissions=[CATALOG[p] for p in granted],
        )
        for number, (code, name, level, description, granted) in enumerate(ROLES, start=1)
    }


class FakeTransaction:
    """The UnitOfWork port: writes queued with `later` happen on commit and vanish on rollback."""

    def __init__(self) -> None:
        self.commits = 0
        self.rollbacks = 0
        self._pending: list[Callable[[], None]] = []

    def later(self, apply: Callable[[], None]) -> None:
        self._pending.append(apply)

    async def commit(self) -> None:
        for apply in self._pending:
            apply()
        self._pending.clear()
        self.commits += 1

    async def rollback(self) -> None:
        self._pending.clear()
        self.rollbacks += 1


class InMemoryStaff:
    """StaffRepository and StaffDirectory over a dict; emails are unique like the database's key."""

    def __init__(self, roles: dict[str, Role] | None = None) -> None:
        self.roles_by_code = roles or shipped_roles()
        self.members: dict[int, Staff] = {}

    def seed(self, name: str, role: str, status: StaffStatus = StaffStatus.ACTIVE) -> Staff:
        """A member named `name` with email first.last@nexora.in and password Right#Password1."""
        slug = name.lower().replace(" ", ".")
        member = Staff(
            name=name,
            email=Email(f"{slug}@nexora.in"),
            password_hash="fake$Right#Password1",
            role=self.roles_by_code[role],
            status=status,
        )
        member.id = StaffId(len(self.members) + 1)
        self.members[member.id] = member
        return member

    async def get(self, staff_id: StaffId) -> Staff | None:
        return self.members.get(staff_id)

    async def find_by_email(self, email: Email) -> Staff | None:
        return next((m for m in self.members.values() if m.email == email), None)

    async def add(self, member: Staff) -> Staff:
        if await self.find_by_email(member.email) is not None:
            raise StaffEmailTaken()
        member.id = StaffId(max(self.members, default=0) + 1)
        self.members[member.id] = member
        return member

    async def role(self, code: str) -> Role | None:
        return self.roles_by_code.get(code)

    async def roles(self) -> Sequence[Role]:
        return sorted(self.roles_by_code.values(), key=lambda r: -r.level)

    async def list_staff(self, criteria: StaffFilter) -> tuple[Sequence[Staff], int]:
        found = [
            m
            for _, m in sorted(self.members.items())
            if (criteria.status is None or m.status is criteria.status)
            and (criteria.role is None or m.role.code == criteria.role)
        ]
        return found[criteria.offset : criteria.offset + criteria.limit], len(found)

    async def permissions(self) -> Sequence[Permission]:
        return sorted(CATALOG.values(), key=lambda p: (p.module, p.code))

    async def activity(self, criteria: ActivityFilter) -> tuple[Sequence[ActivityEntry], int]:
        raise NotImplementedError("use RecordingActivityLog.activity")


class InMemoryStaffSessions:
    """StaffSessions over a dict of committed copies; writes land on the transaction's commit."""

    def __init__(self, tx: FakeTransaction) -> None:
        self._tx = tx
        self.committed: dict[str, StaffSession] = {}

    def seed(self, session: StaffSession) -> StaffSession:
        self.committed[session.id] = copy.deepcopy(session)
        return session

    async def add(self, session: StaffSession) -> None:
        stored = copy.deepcopy(session)
        self._tx.later(lambda: self.committed.__setitem__(stored.id, stored))

    async def get(self, session_id: str) -> StaffSession | None:
        found = self.committed.get(session_id)
        return copy.deepcopy(found) if found else None

    async def of_staff(self, staff_id: StaffId, *, limit: int = 50) -> Sequence[StaffSession]:
        mine = [copy.deepcopy(s) for s in self.committed.values() if s.staff_id == staff_id]
        return sorted(mine, key=lambda s: s.created_at, reverse=True)[:limit]

    async def live_of(self, staff_id: StaffId, *, now: datetime) -> Sequence[StaffSession]:
        return [s for s in await self.of_staff(staff_id) if s.is_live(now=now)]

    async def save(self, session: StaffSession) -> None:
        stored = copy.deepcopy(session)
        self._tx.later(lambda: self.committed.__setitem__(stored.id, stored))


class RecordingActivityLog:
    """ActivityLog whose lines appear in `entries` only once the transaction commits."""

    def __init__(self, tx: FakeTransaction) -> None:
        self._tx = tx
        self.entries: list[ActivityEntry] = []

    async def record(self, entry: ActivityEntry) -> None:
        self._tx.later(lambda: self.entries.append(dataclasses.replace(entry, id=len(self.entries) + 1)))

    def actions(self) -> list[tuple[str, bool]]:
        return [(e.action, e.succeeded) for e in self.entries]

    async def activity(self, criteria: ActivityFilter) -> tuple[Sequence[ActivityEntry], int]:
        found = [
            e
            for e in reversed(self.entries)
            if (criteria.staff_id is None or e.staff_id == criteria.staff_id)
            and (criteria.action is None or e.action == criteria.action)
        ]
        return found[criteria.offset : criteria.offset + criteria.limit], len(found)


class FakePasswordHasher:
    """`fake$<password>` hashes; counts verifications so tests can check equal work."""

    def __init__(self) -> None:
        self.verified = 0

    async def hash(self, password: str) -> str:
        return f"fake${password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        self.verified += 1
        return password_hash in (f"fake${password}", f"old${password}")

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith("fake$")


class FakeTokenCodec:
    """Readable, unsigned tokens that still check audience and kind like the JWT codec."""

    def encode(self, claims: TokenClaims) -> str:
        return msgspec.json.encode(claims).decode()

    def decode(self, token: str, *, audience: Audience, kind: TokenKind) -> TokenClaims:
        try:
            claims = msgspec.json.decode(token, type=TokenClaims)
        except msgspec.DecodeError as exc:
            raise Unauthenticated() from exc
        if claims.audience != audience or claims.kind != kind:
            raise Unauthenticated()
        return claims


def token_service(clock: Clock, store: InMemoryTokenStore | None = None) -> TokenService:
    return TokenService(FakeTokenCodec(), store or InMemoryTokenStore(), clock, TokenPolicy())


class StaffWorld:
    """Everything a staff use case needs, wired like the container does, over fakes."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.tx = FakeTransaction()
        self.staff = InMemoryStaff()
        self.sessions = InMemoryStaffSessions(self.tx)
        self.log = RecordingActivityLog(self.tx)
        self.hasher = FakePasswordHasher()
        self.store = InMemoryTokenStore()
        self.tokens = token_service(clock, self.store)
        self.limiter = InMemoryRateLimiter()
        self.audit = Audit(self.log, self.tx, clock)

    def live_session(
        self, member: Staff, session_id: str, *, ttl: timedelta = timedelta(days=1)
    ) -> StaffSession:
        assert member.id is not None
        now = self.clock.now()
        return self.sessions.seed(
            StaffSession(
                id=session_id, staff_id=member.id, created_at=now, expires_at=now + ttl, ip="10.0.0.1"
            )
        )


def actor_for(member: Staff, session: str = "") -> StaffActor:
    """The StaffActor an HTTP request of this member resolves to."""
    assert member.id is not None
    return StaffActor(
        staff_id=member.id,
        role=member.role.code,
        level=member.role.level,
        permissions=frozenset(p.code for p in member.role.permissions),
        session=session or f"session-of-{member.id}",
    )
