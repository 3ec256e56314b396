"""Liveness and readiness for load balancers and orchestrators."""

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Response, get

from application.health.queries.cache_stats import GetCacheStats
from application.health.queries.check_readiness import CheckReadiness
from entrypoints.http.schemas import CacheStatsOut, DependencyOut, Liveness, Readiness, to_schema


class HealthController(Controller):
    path = "/health"
    tags = ["health"]
    include_in_schema = True

    @get("/live", summary="The process is up")
    async def live(self) -> Liveness:
        return Liveness(status="ok")

    @get("/cache", summary="Cache hits and misses of this API process (catalog reads)")
    @inject
    async def cache(self, handler: FromDishka[GetCacheStats]) -> CacheStatsOut:
        return to_schema(await handler.execute(), CacheStatsOut)

    @get("/ready", summary="Dependencies answer (503 names the ones that do not)")
    @inject
    async def ready(self, handler: FromDishka[CheckReadiness]) -> Response[Readiness]:
        report = await handler.execute()
        body = Readiness(
            status="ok" if report.ready else "unavailable",
            down=report.down,
            checks=[
                DependencyOut(name=c.name, ok=c.ok, latency_ms=c.latency_ms, detail=c.detail)
                for c in report.checks
            ],
        )
        if report.ready:
            return Response(body, status_code=200)
        return Response(body, status_code=503, headers={"Retry-After": "5"})
