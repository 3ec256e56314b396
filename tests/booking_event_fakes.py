"""A BookingEvents fake whose notices appear in `committed` only when the unit of work commits: either the
unit of work calls `commit`/`rollback`, or each publish is queued with `later` (a FakeTransaction's)."""

from collections.abc import Callable, Sequence

from application.booking.events import Notice


class RecordingBookingEvents:
    def __init__(self, later: Callable[[Callable[[], None]], None] | None = None) -> None:
        self.pending: list[Notice] = []
        self.committed: list[Notice] = []
        self._later = later

    async def publish(self, notices: Sequence[Notice]) -> None:
        if self._later is not None:
            batch = list(notices)
            self._later(lambda: self.committed.extend(batch))
        else:
            self.pending.extend(notices)

    def commit(self) -> None:
        self.committed.extend(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()

    def templates(self) -> list[str]:
        return [n.template for n in self.committed]
