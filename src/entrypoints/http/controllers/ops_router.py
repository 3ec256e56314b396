"""Everything under /api/v1/ops: the operations console's API, for staff tokens only."""

from litestar import Router

from entrypoints.http.controllers.ops_access import OpsAccessController
from entrypoints.http.controllers.ops_auth import OpsAuthController
from entrypoints.http.controllers.ops_bookings import OpsBookingsController
from entrypoints.http.controllers.ops_catalog import OpsCatalogController
from entrypoints.http.controllers.ops_complaints import OpsComplaintsController
from entrypoints.http.controllers.ops_documents import OpsDocumentsController
from entrypoints.http.controllers.ops_staff import OpsStaffController

ops_router = Router(
    path="/api/v1/ops",
    route_handlers=[
        OpsAuthController,
        OpsStaffController,
        OpsAccessController,
        OpsCatalogController,
        OpsBookingsController,
        OpsComplaintsController,
        OpsDocumentsController,
    ],
)
