"""`nexora staff ...`: manage the operations team from a terminal, acting as the system (full rights).

The same use cases as the ops API run here, so every change lands in the staff activity log too
(with no acting member and a `cli-...` request id)."""

import sys

import click
from dishka import AsyncContainer
from rich.table import Table

from application.staff.commands.approve_staff import ApproveStaff, ApproveStaffHandler
from application.staff.commands.change_staff_role import ChangeStaffRole, ChangeStaffRoleHandler
from application.staff.commands.create_staff import CreateStaff, CreateStaffHandler
from application.staff.commands.deactivate_staff import DeactivateStaff, DeactivateStaffHandler
from application.staff.commands.revoke_staff_session import RevokeStaffSession, RevokeStaffSessionHandler
from application.staff.queries.find_staff_by_email import FindStaffByEmail, FindStaffByEmailQuery
from application.staff.queries.list_staff import ListStaff, ListStaffQuery
from application.staff.views import StaffPage, StaffView
from domain.identity.password_policy import POLICY_TEXT
from entrypoints.cli.runtime import OPERATOR, cli_origin, console, fail, run


def _describe(member: StaffView) -> str:
    return f"{member.name} <{member.email}> (id {member.id}): {member.role}, {member.status}"


@click.group()
def staff() -> None:
    """Operations staff: add members, list them, grant roles, revoke access."""


@staff.command("create")
@click.argument("name")
@click.argument("email")
@click.argument("role")
@click.option("--phone", default=None, help="Indian mobile number.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def create(name: str, email: str, role: str, phone: str | None, password_stdin: bool) -> None:
    """Add an active member NAME with EMAIL and ROLE (asks for the password twice)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("no password on stdin", code=2)
    else:
        password = click.prompt(
            f"Password ({POLICY_TEXT})", hide_input=True, confirmation_prompt=True, err=True
        )
    cmd = CreateStaff(name=name, email=email, role=role, password=password, phone=phone, origin=cli_origin())

    async def work(container: AsyncContainer) -> StaffView:
        async with container() as scope:
            return await (await scope.get(CreateStaffHandler)).execute(cmd, actor=OPERATOR)

    console.print(f"created {_describe(run(work))}")


@staff.command("list")
@click.option("--status", default=None, help="Only this status (pending, active, suspended, deactivated).")
@click.option("--role", default=None, help="Only this role code.")
@click.option("--limit", type=click.IntRange(1, 100), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
def list_staff(status: str | None, role: str | None, limit: int, offset: int) -> None:
    """Staff members as a table."""
    query = ListStaffQuery(status=status, role=role, limit=limit, offset=offset)

    async def work(container: AsyncContainer) -> StaffPage:
        async with container() as scope:
            return await (await scope.get(ListStaff)).execute(query, actor=OPERATOR)

    page = run(work)
    table = Table(title="Nexora operations staff")
    table.add_column("Id", justify="right", style="cyan")
    table.add_column("Name", style="bold")
    table.add_column("Email", overflow="fold")
    table.add_column("Role")
    table.add_column("Level", justify="right")
    table.add_column("Status")
    table.add_column("Last sign-in")
    for m in page.items:
        last = m.last_login_at.strftime("%Y-%m-%d %H:%M") if m.last_login_at else "never"
        table.add_row(str(m.id), m.name, m.email, m.role, str(m.level), m.status, last)
    table.caption = f"{len(page.items)} of {page.total} members"
    console.print(table)


@staff.command("grant")
@click.argument("email")
@click.argument("role")
def grant(email: str, role: str) -> None:
    """Give the member with EMAIL the ROLE (approving them when their registration is pending)."""

    async def work(container: AsyncContainer) -> StaffView:
        async with container() as scope:
            member = await (await scope.get(FindStaffByEmail)).execute(
                FindStaffByEmailQuery(email=email), actor=OPERATOR
            )
            if member.status == "pending":
                approve = ApproveStaff(staff_id=member.id, role=role, origin=cli_origin())
                return await (await scope.get(ApproveStaffHandler)).execute(approve, actor=OPERATOR)
            change = ChangeStaffRole(staff_id=member.id, role=role, origin=cli_origin())
            return await (await scope.get(ChangeStaffRoleHandler)).execute(change, actor=OPERATOR)

    console.print(f"granted: {_describe(run(work))}")


@staff.command("revoke")
@click.argument("email", required=False)
@click.option("--session", "session_id", default=None, help="End only this session (its id).")
def revoke(email: str | None, session_id: str | None) -> None:
    """Deactivate the member with EMAIL and end all their sessions, or end one session with --session."""
    if (email is None) == (session_id is None):
        fail("give either an EMAIL (deactivate the member) or --session ID (end one session)", code=2)

    async def work(container: AsyncContainer) -> str:
        async with container() as scope:
            if session_id is not None:
                cmd = RevokeStaffSession(session_id=session_id, origin=cli_origin())
                await (await scope.get(RevokeStaffSessionHandler)).execute(cmd, actor=OPERATOR)
                return f"session {session_id} ended"
            assert email is not None
            member = await (await scope.get(FindStaffByEmail)).execute(
                FindStaffByEmailQuery(email=email), actor=OPERATOR
            )
            deactivate = DeactivateStaff(staff_id=member.id, origin=cli_origin())
            await (await scope.get(DeactivateStaffHandler)).execute(deactivate, actor=OPERATOR)
            return f"deactivated {member.name} <{member.email}> and ended their sessions"

    console.print(run(work))
