"""roles and permissions: the 8 roles with hierarchy levels and 30 permissions Nexora ships with

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The data is frozen here on purpose: a later change to roles is a new migration, never an edit of this one.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERMISSIONS = [
    ("bookings.view", "bookings", "See any booking"),
    ("bookings.manage", "bookings", "Move bookings along their status and edit notes"),
    ("bookings.cancel", "bookings", "Cancel a booking on a customer's behalf"),
    ("bookings.reassign", "bookings", "Assign or change the provider of a booking"),
    ("bookings.refund", "bookings", "Approve refunds beyond the cancellation policy"),
    ("complaints.view", "complaints", "See complaints and their timelines"),
    ("complaints.manage", "complaints", "Reply, add internal notes and change status"),
    ("complaints.assign", "complaints", "Assign complaints to staff"),
    ("complaints.resolve", "complaints", "Resolve and close complaints"),
    ("complaints.escalate", "complaints", "Escalate complaints by hand"),
    ("customers.view", "customers", "See customer profiles (contact details masked)"),
    ("customers.view_pii", "customers", "See customers' full phone numbers and emails"),
    ("customers.manage", "customers", "Edit or deactivate customer accounts"),
    ("providers.view", "providers", "See providers, their skills and areas"),
    ("providers.manage", "providers", "Onboard, edit and deactivate providers"),
    ("catalog.view", "catalog", "See the catalog including inactive items"),
    ("catalog.manage", "catalog", "Create and change categories, services, rate cards and pincodes"),
    ("staff.view", "staff", "See staff members and their roles"),
    ("staff.manage", "staff", "Edit and deactivate staff members"),
    ("staff.approve", "staff", "Approve pending staff registrations"),
    ("staff.assign_roles", "staff", "Give staff members roles below one's own"),
    ("analytics.view", "analytics", "See dashboards and reports"),
    ("analytics.export", "analytics", "Export reports as CSV"),
    ("documents.view", "documents", "See knowledge-base documents"),
    ("documents.manage", "documents", "Add, edit and re-index knowledge-base documents"),
    ("assistant.use", "assistant", "Ask the assistant questions about the data"),
    ("assistant.configure", "assistant", "Change the assistant's prompts and models"),
    ("audit.view", "audit", "Read the staff activity log"),
    ("settings.view", "settings", "See system settings"),
    ("settings.manage", "settings", "Change system settings"),
]

ROLES = [
    ("super_admin", "Super admin", 100, "Everything, including settings and roles"),
    ("admin", "Admin", 90, "Runs the operation; cannot change system settings"),
    ("ops_manager", "Operations manager", 70, "Leads the support team and the day's bookings"),
    ("senior_agent", "Senior support agent", 50, "Handles escalations"),
    ("support_agent", "Support agent", 40, "Answers customers and works complaints"),
    ("quality", "Quality analyst", 35, "Reviews complaints and providers"),
    ("analyst", "Data analyst", 30, "Reports and exports"),
    ("read_only", "Read only", 10, "Looks, never touches"),
]

GRANTS = {
    "admin": [
        "analytics.export",
        "analytics.view",
        "assistant.configure",
        "assistant.use",
        "audit.view",
        "bookings.cancel",
        "bookings.manage",
        "bookings.reassign",
        "bookings.refund",
        "bookings.view",
        "catalog.manage",
        "catalog.view",
        "complaints.assign",
        "complaints.escalate",
        "complaints.manage",
        "complaints.resolve",
        "complaints.view",
        "customers.manage",
        "customers.view",
        "customers.view_pii",
        "documents.manage",
        "documents.view",
        "providers.manage",
        "providers.view",
        "settings.view",
        "staff.approve",
        "staff.assign_roles",
        "staff.manage",
        "staff.view",
    ],
    "analyst": [
        "analytics.export",
        "analytics.view",
        "assistant.use",
        "bookings.view",
        "catalog.view",
        "complaints.view",
        "providers.view",
    ],
    "ops_manager": [
        "analytics.export",
        "analytics.view",
        "assistant.use",
        "audit.view",
        "bookings.cancel",
        "bookings.manage",
        "bookings.reassign",
        "bookings.refund",
        "bookings.view",
        "catalog.view",
        "complaints.assign",
        "complaints.escalate",
        "complaints.manage",
        "complaints.resolve",
        "complaints.view",
        "customers.view",
        "customers.view_pii",
        "documents.view",
        "providers.manage",
        "providers.view",
        "staff.approve",
        "staff.assign_roles",
        "staff.view",
    ],
    "quality": [
        "analytics.view",
        "assistant.use",
        "bookings.view",
        "complaints.view",
        "customers.view",
        "documents.view",
        "providers.view",
    ],
    "read_only": [
        "analytics.view",
        "bookings.view",
        "catalog.view",
        "complaints.view",
        "customers.view",
        "documents.view",
        "providers.view",
        "staff.view",
    ],
    "senior_agent": [
        "assistant.use",
        "bookings.cancel",
        "bookings.manage",
        "bookings.reassign",
        "bookings.view",
        "catalog.view",
        "complaints.assign",
        "complaints.escalate",
        "complaints.manage",
        "complaints.resolve",
        "complaints.view",
        "customers.view",
        "customers.view_pii",
        "documents.view",
        "providers.view",
    ],
    "super_admin": [
        "analytics.export",
        "analytics.view",
        "assistant.configure",
        "assistant.use",
        "audit.view",
        "bookings.cancel",
        "bookings.manage",
        "bookings.reassign",
        "bookings.refund",
        "bookings.view",
        "catalog.manage",
        "catalog.view",
        "complaints.assign",
        "complaints.escalate",
        "complaints.manage",
        "complaints.resolve",
        "complaints.view",
        "customers.manage",
        "customers.view",
        "customers.view_pii",
        "documents.manage",
        "documents.view",
        "providers.manage",
        "providers.view",
        "settings.manage",
        "settings.view",
        "staff.approve",
        "staff.assign_roles",
        "staff.manage",
        "staff.view",
    ],
    "support_agent": [
        "assistant.use",
        "bookings.manage",
        "bookings.view",
        "catalog.view",
        "complaints.manage",
        "complaints.resolve",
        "complaints.view",
        "customers.view",
        "documents.view",
        "providers.view",
    ],
}


def upgrade() -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    permissions = sa.table(
        "permissions",
        sa.column("code", sa.String),
        sa.column("module", sa.String),
        sa.column("description", sa.Text),
    )
    roles = sa.table(
        "roles",
        sa.column("id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("level", sa.Integer),
        sa.column("description", sa.Text),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    role_permissions = sa.table(
        "role_permissions", sa.column("role_id", sa.Integer), sa.column("permission_code", sa.String)
    )
    op.bulk_insert(permissions, [{"code": c, "module": m, "description": d} for c, m, d in PERMISSIONS])
    op.bulk_insert(
        roles,
        [
            {
                "id": i,
                "code": c,
                "name": n,
                "level": lv,
                "description": d,
                "created_at": now,
                "updated_at": now,
            }
            for i, (c, n, lv, d) in enumerate(ROLES, start=1)
        ],
    )
    role_ids = {c: i for i, (c, _, _, _) in enumerate(ROLES, start=1)}
    op.bulk_insert(
        role_permissions,
        [
            {"role_id": role_ids[role], "permission_code": p}
            for role, granted in GRANTS.items()
            for p in granted
        ],
    )


def downgrade() -> None:
    # Staff cannot exist without a role: going below this revision removes staff accounts too.
    op.execute("DELETE FROM staff")
    op.execute("DELETE FROM role_permissions")
    op.execute("DELETE FROM roles")
    op.execute("DELETE FROM permissions")
