"""The Litestar application: `create_app()` is the ASGI factory that `nexora serve` runs."""

from dishka import AsyncContainer
from dishka.integrations.litestar import LitestarProvider, setup_dishka
from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import RedocRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Contact

from entrypoints.http.complaint_monitor import complaint_monitor
from entrypoints.http.controllers.auth import AuthController
from entrypoints.http.controllers.bookings import BookingsController
from entrypoints.http.controllers.catalog import CatalogController
from entrypoints.http.controllers.complaints import ComplaintsController
from entrypoints.http.controllers.health import HealthController
from entrypoints.http.controllers.knowledge import KnowledgeController
from entrypoints.http.controllers.nlp import NlpController
from entrypoints.http.controllers.ops_router import ops_router
from entrypoints.http.controllers.pincodes import PincodesController
from entrypoints.http.controllers.providers import ProvidersController
from entrypoints.http.controllers.quote import QuoteController
from entrypoints.http.controllers.service_details import ServiceDetailsController
from entrypoints.http.controllers.users import UsersController
from entrypoints.http.model_warmup import warm_language_services
from entrypoints.http.outbox_delivery import outbox_delivery
from entrypoints.http.problems import EXCEPTION_HANDLERS
from entrypoints.http.request_id import request_id_middleware
from entrypoints.ioc.container import make_container
from entrypoints.ioc.http import HttpIdentityProvider
from entrypoints.observability import configure_logging
from entrypoints.settings import Settings, load_settings

API_DESCRIPTION = """Nexora is the backend of a home-services marketplace in India.

Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code` and the
`requestId` to quote when reporting them. Every response carries `X-Request-ID`."""


def _openapi() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Nexora API",
        version="1.0.0",
        description=API_DESCRIPTION,
        contact=Contact(name="Nexora engineering"),
        path="/schema",
        render_plugins=[SwaggerRenderPlugin(path=["/", "/swagger"]), RedocRenderPlugin()],
    )


def create_app(settings: Settings | None = None, container: AsyncContainer | None = None) -> Litestar:
    """Build the API. Without arguments, settings come from the environment (invalid ones stop start-up)."""
    settings = settings or load_settings()
    configure_logging(level=settings.log_level, json_logs=settings.json_logs)
    container = container or make_container(settings, LitestarProvider(), HttpIdentityProvider())
    app = Litestar(
        route_handlers=[
            CatalogController,
            HealthController,
            AuthController,
            UsersController,
            QuoteController,
            ServiceDetailsController,
            ProvidersController,
            PincodesController,
            BookingsController,
            ComplaintsController,
            KnowledgeController,
            NlpController,
            ops_router,
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        openapi_config=_openapi() if settings.docs_enabled else None,
        on_shutdown=[container.close],
        lifespan=[
            outbox_delivery(settings, container),
            complaint_monitor(settings, container),
            warm_language_services(container),
        ],
        debug=False,
        logging_config=None,
    )
    setup_dishka(container, app)
    # Outermost, so unrouted requests (404, 405) get a request id and an access line too.
    app.asgi_handler = request_id_middleware(app.asgi_handler)
    return app
