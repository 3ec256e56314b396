"""Is this process ready to serve traffic?"""

import asyncio
import time
from collections.abc import Sequence

import msgspec

from application.common.errors import DependencyUnavailable
from application.common.ports import DependencyProbe


class DependencyStatus(msgspec.Struct, frozen=True):
    name: str
    ok: bool
    latency_ms: float
    detail: str | None = None


class ReadinessReport(msgspec.Struct, frozen=True):
    ready: bool
    checks: list[DependencyStatus]

    @property
    def down(self) -> list[str]:
        return [c.name for c in self.checks if not c.ok]


class CheckReadiness:
    """Anyone (load balancers) may ask. Probes every configured dependency concurrently, each bounded
    by a timeout, so a hung dependency shows as down instead of hanging the check."""

    def __init__(self, probes: Sequence[DependencyProbe], timeout_seconds: float = 2.0) -> None:
        self._probes = probes
        self._timeout = timeout_seconds

    async def execute(self) -> ReadinessReport:
        checks = await asyncio.gather(*(self._probe(p) for p in self._probes))
        return ReadinessReport(ready=all(c.ok for c in checks), checks=list(checks))

    async def _probe(self, probe: DependencyProbe) -> DependencyStatus:
        started = time.perf_counter()
        detail: str | None = None
        try:
            await asyncio.wait_for(probe.check(), timeout=self._timeout)
        except TimeoutError:
            detail = f"no answer within {self._timeout:g}s"
        except DependencyUnavailable as exc:
            detail = exc.message
        elapsed = round((time.perf_counter() - started) * 1000, 2)
        return DependencyStatus(name=probe.name, ok=detail is None, latency_ms=elapsed, detail=detail)
