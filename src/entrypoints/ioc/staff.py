"""Operations staff: their repositories, sessions, the activity log and the staff use cases."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.activity_log import SqlaActivityLog
from adapters.persistence.staff_directory import SqlaStaffDirectory
from adapters.persistence.staff_repository import SqlaStaffRepository
from adapters.persistence.staff_sessions import SqlaStaffSessions
from application.common.ports import Clock, UnitOfWork
from application.identity.login_guard import LoginGuard, LoginLimits
from application.identity.ports import PasswordHasher, RateLimiter
from application.identity.tokens import TokenPolicy, TokenService
from application.staff.audit import Audit
from application.staff.commands.approve_staff import ApproveStaffHandler
from application.staff.commands.change_staff_role import ChangeStaffRoleHandler
from application.staff.commands.create_staff import CreateStaffHandler
from application.staff.commands.deactivate_staff import DeactivateStaffHandler
from application.staff.commands.login_staff import LoginStaffHandler
from application.staff.commands.logout_staff import LogoutStaffHandler
from application.staff.commands.refresh_staff_tokens import RefreshStaffTokensHandler
from application.staff.commands.register_staff import RegisterStaffHandler
from application.staff.commands.revoke_staff_session import RevokeStaffSessionHandler
from application.staff.commands.update_staff import UpdateStaffHandler
from application.staff.ports import ActivityLog, StaffDirectory, StaffRepository, StaffSessions
from application.staff.queries.authenticate_staff import AuthenticateStaff
from application.staff.queries.find_staff_by_email import FindStaffByEmail
from application.staff.queries.get_staff import GetStaff
from application.staff.queries.list_activity import ListActivity
from application.staff.queries.list_permissions import ListPermissions
from application.staff.queries.list_roles import ListRoles
from application.staff.queries.list_staff import ListStaff
from application.staff.queries.list_staff_sessions import ListStaffSessions

OPS_LOGIN_SCOPE = "ops-login"


class StaffProvider(Provider):
    scope = Scope.REQUEST

    staff_repository = provide(SqlaStaffRepository, provides=StaffRepository)
    staff_sessions = provide(SqlaStaffSessions, provides=StaffSessions)
    activity_log = provide(SqlaActivityLog, provides=ActivityLog)
    staff_directory = provide(SqlaStaffDirectory, provides=StaffDirectory)
    audit = provide(Audit)

    @provide
    def login(
        self,
        staff: StaffRepository,
        sessions: StaffSessions,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        tokens: TokenService,
        policy: TokenPolicy,
        limiter: RateLimiter,
        audit: Audit,
        clock: Clock,
    ) -> LoginStaffHandler:
        """Staff sign-in has its own limits and lockouts, apart from customers'."""
        guard = LoginGuard(limiter, LoginLimits(), scope=OPS_LOGIN_SCOPE)
        return LoginStaffHandler(staff, sessions, uow, hasher, tokens, policy, guard, audit, clock)

    handlers = provide_all(
        AuthenticateStaff,
        RefreshStaffTokensHandler,
        LogoutStaffHandler,
        RegisterStaffHandler,
        CreateStaffHandler,
        UpdateStaffHandler,
        DeactivateStaffHandler,
        ApproveStaffHandler,
        ChangeStaffRoleHandler,
        RevokeStaffSessionHandler,
        ListStaff,
        GetStaff,
        FindStaffByEmail,
        ListRoles,
        ListPermissions,
        ListStaffSessions,
        ListActivity,
    )
