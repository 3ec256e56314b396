import asyncio

from application.health.queries.check_readiness import CheckReadiness
from tests.fakes import StaticProbe


class RendezvousProbe:
    """Answers only once `expected` probes are being checked at the same time."""

    def __init__(self, name: str, started: set[str], everyone_started: asyncio.Event, expected: int) -> None:
        self.name = name
        self._started = started
        self._everyone_started = everyone_started
        self._expected = expected

    async def check(self) -> None:
        self._started.add(self.name)
        if len(self._started) == self._expected:
            self._everyone_started.set()
        await self._everyone_started.wait()


async def test_ready_when_every_dependency_answers() -> None:
    report = await CheckReadiness([StaticProbe("database"), StaticProbe("redis")]).execute()

    assert report.ready is True
    assert report.down == []
    assert [(c.name, c.ok, c.detail) for c in report.checks] == [
        ("database", True, None),
        ("redis", True, None),
    ]
    assert all(c.latency_ms >= 0 for c in report.checks)


async def test_not_ready_and_names_the_dependency_when_one_is_down() -> None:
    report = await CheckReadiness([StaticProbe("database"), StaticProbe("redis", up=False)]).execute()

    assert report.ready is False
    assert report.down == ["redis"]
    redis = report.checks[1]
    assert redis.ok is False
    assert redis.detail == "redis is unavailable: connection refused"
    assert report.checks[0].ok is True


async def test_hung_dependency_shows_as_down_with_detail_when_it_exceeds_the_timeout() -> None:
    probes = [StaticProbe("database"), StaticProbe("search", hang_seconds=30)]

    report = await asyncio.wait_for(CheckReadiness(probes, timeout_seconds=0.05).execute(), timeout=5)

    assert report.ready is False
    assert report.down == ["search"]
    assert report.checks[1].detail == "no answer within 0.05s"


async def test_probes_run_concurrently_when_several_are_configured() -> None:
    started: set[str] = set()
    everyone = asyncio.Event()
    probes = [RendezvousProbe(name, started, everyone, 3) for name in ("database", "redis", "queue")]

    report = await CheckReadiness(probes, timeout_seconds=1.0).execute()

    assert report.ready is True, report.checks
    assert [c.name for c in report.checks] == ["database", "redis", "queue"]


async def test_every_down_dependency_is_reported_when_several_fail() -> None:
    probes = [StaticProbe("database", up=False), StaticProbe("redis", hang_seconds=30), StaticProbe("queue")]

    report = await CheckReadiness(probes, timeout_seconds=0.05).execute()

    assert report.down == ["database", "redis"]
    assert report.ready is False
