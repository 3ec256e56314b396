"""`nexora staff ...` as an operator uses it: the same use cases as the API, acting as the system."""

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner
from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.cli.main import cli
from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import MEMBER_PASSWORD, OPS, bearer, unique_email


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    for name in ("NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


@pytest.fixture
def env(seeded_sqlite_url: str) -> dict[str, str]:
    return {"NEXORA_DATABASE_URL": seeded_sqlite_url}


def test_create_grant_list_and_revoke_a_member_when_run_in_order(
    runner: CliRunner, env: dict[str, str]
) -> None:
    email = unique_email("cli")

    created = runner.invoke(
        cli,
        ["staff", "create", "Meera Pillai", email, "quality", "--password-stdin"],
        env=env,
        input=MEMBER_PASSWORD,
    )
    granted = runner.invoke(cli, ["staff", "grant", email, "super_admin"], env=env)
    listed = runner.invoke(cli, ["staff", "list", "--role", "super_admin"], env=env)
    revoked = runner.invoke(cli, ["staff", "revoke", email], env=env)
    gone = runner.invoke(cli, ["staff", "list", "--status", "deactivated"], env=env)

    assert created.exit_code == 0, created.output
    assert f"created Meera Pillai <{email}>" in created.output
    assert "quality, active" in created.output
    assert granted.exit_code == 0, granted.output
    assert "super_admin, active" in granted.output
    assert "Nexora operations staff" in listed.output
    assert email in listed.output
    assert "aarav.mehta@nexora.in" in listed.output
    assert revoked.exit_code == 0, revoked.output
    assert "deactivated Meera Pillai" in revoked.output
    assert email in gone.output


def test_create_asks_for_the_password_twice_when_not_piped(runner: CliRunner, env: dict[str, str]) -> None:
    email = unique_email("prompted")
    result = runner.invoke(
        cli,
        ["staff", "create", "Arjun Nair", email, "analyst", "--phone", "9845077777"],
        env=env,
        input=f"{MEMBER_PASSWORD}\n{MEMBER_PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert "analyst, active" in result.output


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (
            ["create", "Arjun Nair", "{email}", "janitor", "--password-stdin"],
            MEMBER_PASSWORD,
            1,
            "unknown role",
        ),
        (["create", "Arjun Nair", "{email}", "analyst", "--password-stdin"], "short", 1, "password too weak"),
        (
            ["create", "Arjun Nair", "rohit.sharma@nexora.in", "analyst", "--password-stdin"],
            MEMBER_PASSWORD,
            1,
            "already exists",
        ),
        (["grant", "{email}", "admin"], "", 1, "was not found"),
        (["revoke"], "", 2, "give either an EMAIL"),
        (["revoke", "{email}", "--session", "abc"], "", 2, "give either an EMAIL"),
        (["revoke", "--session", "no-such-session"], "", 1, "session no-such-session was not found"),
    ],
)
def test_staff_commands_fail_with_a_message_when_the_input_is_wrong(
    runner: CliRunner, env: dict[str, str], args: list[str], stdin: str, code: int, message: str
) -> None:
    email = unique_email("nobody")
    result = runner.invoke(cli, ["staff", *(a.format(email=email) for a in args)], env=env, input=stdin)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


async def test_grant_approves_a_registration_and_revoking_its_session_signs_it_out_at_once(
    runner: CliRunner, env: dict[str, str], embedded_client: AsyncTestClient[Litestar]
) -> None:
    email = unique_email("registrant")
    registered = await embedded_client.post(
        f"{OPS}/auth/register", json={"name": "Farah Khan", "email": email, "password": MEMBER_PASSWORD}
    )
    assert registered.status_code == 202

    granted = await asyncio.to_thread(runner.invoke, cli, ["staff", "grant", email, "support_agent"], env=env)
    assert "support_agent, active" in granted.output, granted.output
    signed = (
        await embedded_client.post(f"{OPS}/auth/login", json={"email": email, "password": MEMBER_PASSWORD})
    ).json()
    token = signed["accessToken"]
    staff_id = signed["staff"]["id"]
    sessions = (await embedded_client.get(f"{OPS}/staff/{staff_id}/sessions", headers=bearer(token))).json()
    session_id = sessions["items"][0]["id"]

    ended = await asyncio.to_thread(runner.invoke, cli, ["staff", "revoke", "--session", session_id], env=env)

    assert ended.exit_code == 0, ended.output
    after = await embedded_client.get(f"{OPS}/staff/{staff_id}/sessions", headers=bearer(token))
    assert_problem(after, 401, "unauthenticated")
