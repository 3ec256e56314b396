"""A BookingEvents fake whose notices appear in `committed` only when the unit of work commits: either the
unit of work calls `commit`/`rollback`, or each publish is queued with `later` (a FakeTransaction's)."""

from collections.abc import Callable, Sequence

from application.booking.events import Notice


class RecordingBookingEvents:
    def __init__(self, later: Callable[[Callable[[], None]], None] | None = None) -> None:
        self.pending: list[Notice] = []
        self.committed: list[Notice] = []
        self.withdrawn: list[Notice] = []
        self._withdrawals: list[str] = []
        self._later = later

    async def publish(self, notices: Sequence[Notice]) -> None:
        if self._later is not None:
            batch = list(notices)
            self._later(lambda: self.committed.extend(batch))
        else:
            self.pending.extend(notices)

    async def withdraw(self, subject: str) -> int:
        """Withdraws the subject's committed notices when the unit of work commits (like publish)."""
        count = sum(n.subject == subject for n in self.committed)
        if self._later is not None:
            self._later(lambda: self._drop(subject))
        else:
            self._withdrawals.append(subject)
        return count

    def _drop(self, subject: str) -> None:
        self.withdrawn.extend(n for n in self.committed if n.subject == subject)
        self.committed = [n for n in self.committed if n.subject != subject]

    def commit(self) -> None:
        for subject in self._withdrawals:
            self._drop(subject)
        self.committed.extend(self.pending)
        self.pending.clear()
        self._withdrawals.clear()

    def rollback(self) -> None:
        self.pending.clear()
        self._withdrawals.clear()

    def templates(self) -> list[str]:
        return [n.template for n in self.committed]
