import os
from pathlib import Path

import pytest

from entrypoints.settings import Environment, InvalidSettings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No NEXORA_* variable from the developer's shell, and no `.env` from the working copy."""
    for name in list(os.environ):
        if name.startswith("NEXORA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


SECRET = "0123456789abcdef" * 4


def test_production_refuses_to_start_when_no_token_secret_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_ENV", "production")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_JWT_SECRET" in str(caught.value)


def test_short_token_secret_is_refused_without_being_printed_when_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_JWT_SECRET", "hunter2-short")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_JWT_SECRET" in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_token_secret_is_hidden_in_the_settings_repr_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_JWT_SECRET", SECRET)
    settings = load_settings()
    assert settings.jwt_secret is not None
    assert settings.jwt_secret.get_secret_value() == SECRET
    assert SECRET not in repr(settings)


def test_defaults_describe_a_local_development_setup_when_nothing_is_configured() -> None:
    settings = load_settings()

    assert settings.env is Environment.DEVELOPMENT
    assert settings.database_url == "sqlite+aiosqlite:///var/nexora.db"
    assert settings.redis_url is None
    assert settings.uses_redis is False
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert settings.server == "uvicorn"
    assert settings.log_level == "INFO"
    assert settings.json_logs is False
    assert settings.is_production is False
    assert settings.docs_enabled is True
    assert settings.seed == 42


def test_values_are_read_when_nexora_variables_are_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_ENV", "production")
    monkeypatch.setenv("NEXORA_JWT_SECRET", SECRET)
    monkeypatch.setenv("NEXORA_DATABASE_URL", "mysql+asyncmy://nexora@db:3306/nexora")
    monkeypatch.setenv("NEXORA_REDIS_URL", "redis://cache:6379/0")
    monkeypatch.setenv("NEXORA_PORT", "9000")
    monkeypatch.setenv("NEXORA_DB_ECHO", "true")
    monkeypatch.setenv("NEXORA_SERVER", "granian")

    settings = load_settings()

    assert settings.is_production is True
    assert settings.database_url == "mysql+asyncmy://nexora@db:3306/nexora"
    assert settings.uses_redis is True
    assert settings.redis_url == "redis://cache:6379/0"
    assert settings.port == 9000
    assert settings.db_echo is True
    assert settings.server == "granian"


@pytest.mark.parametrize("value", ["", "   "])
def test_redis_is_disabled_when_redis_url_is_blank(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("NEXORA_REDIS_URL", value)

    settings = load_settings()

    assert settings.redis_url is None
    assert settings.uses_redis is False


def test_log_level_is_upper_cased_when_given_in_lower_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_LOG_LEVEL", "debug")

    assert load_settings().log_level == "DEBUG"


def test_dotenv_file_is_read_and_environment_wins_when_both_set_a_value(
    monkeypatch: pytest.MonkeyPatch, clean_environment: Path
) -> None:
    (clean_environment / ".env").write_text("NEXORA_PORT=9100\nNEXORA_WORKERS=4\n", encoding="utf-8")
    monkeypatch.setenv("NEXORA_PORT", "9200")

    settings = load_settings()

    assert settings.workers == 4
    assert settings.port == 9200


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("NEXORA_ENV", "staging"),
        ("NEXORA_DATABASE_URL", "postgresql://localhost/nexora"),
        ("NEXORA_DATABASE_URL", "sqlite:///var/nexora.db"),
        ("NEXORA_DB_POOL_SIZE", "0"),
        ("NEXORA_DB_POOL_SIZE", "201"),
        ("NEXORA_DB_MAX_OVERFLOW", "-1"),
        ("NEXORA_DB_TIMEOUT_SECONDS", "0"),
        ("NEXORA_DB_TIMEOUT_SECONDS", "abc"),
        ("NEXORA_DB_ECHO", "maybe"),
        ("NEXORA_REDIS_URL", "http://cache:6379"),
        ("NEXORA_QUEUE_NAME", ""),
        ("NEXORA_PORT", "0"),
        ("NEXORA_PORT", "65536"),
        ("NEXORA_PORT", "eighty"),
        ("NEXORA_WORKERS", "0"),
        ("NEXORA_WORKERS", "65"),
        ("NEXORA_SERVER", "gunicorn"),
        ("NEXORA_LOG_LEVEL", "trace"),
        ("NEXORA_LOG_FORMAT", "xml"),
        ("NEXORA_DOCS_ENABLED", "perhaps"),
        ("NEXORA_SEED", "forty-two"),
    ],
)
def test_invalid_settings_name_the_variable_when_its_value_is_wrong(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(InvalidSettings) as caught:
        load_settings()

    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{variable}=")
    assert variable in str(caught.value)


def test_invalid_settings_name_every_bad_variable_when_several_are_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_PORT", "0")
    monkeypatch.setenv("NEXORA_SERVER", "gunicorn")
    monkeypatch.setenv("NEXORA_REDIS_URL", "http://cache")

    with pytest.raises(InvalidSettings) as caught:
        load_settings()

    named = sorted(p.split("=", 1)[0] for p in caught.value.problems)
    assert named == ["NEXORA_PORT", "NEXORA_REDIS_URL", "NEXORA_SERVER"]
    assert "redis://" in str(caught.value)


def test_invalid_settings_say_what_is_expected_when_database_url_is_unsupported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_DATABASE_URL", "postgresql://localhost/nexora")

    with pytest.raises(InvalidSettings) as caught:
        load_settings()

    assert "sqlite+aiosqlite://" in caught.value.problems[0]
    assert "mysql+asyncmy://" in caught.value.problems[0]
    assert "Value error" not in caught.value.problems[0]


@pytest.mark.parametrize(
    ("env", "log_format", "json_logs"),
    [
        ("production", "auto", True),
        ("development", "auto", False),
        ("test", "auto", False),
        ("development", "json", True),
        ("production", "console", False),
    ],
)
def test_json_logs_follow_format_and_environment_when_format_is_set(
    monkeypatch: pytest.MonkeyPatch, env: str, log_format: str, json_logs: bool
) -> None:
    monkeypatch.setenv("NEXORA_ENV", env)
    monkeypatch.setenv("NEXORA_LOG_FORMAT", log_format)
    monkeypatch.setenv("NEXORA_JWT_SECRET", SECRET)

    assert load_settings().json_logs is json_logs


def test_overrides_win_over_environment_when_passed_to_load_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_PORT", "9000")

    assert load_settings(port=9300).port == 9300
