"""One typed settings object, read from NEXORA_* environment variables and an optional `.env` file.

Every field is documented in `.env.example`; a test keeps the two in step.
"""

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NEXORA_"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"
    TEST = "test"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    env: Environment = Environment.DEVELOPMENT
    database_url: str = "sqlite+aiosqlite:///var/nexora.db"
    db_pool_size: Annotated[int, Field(ge=1, le=200)] = 10
    db_max_overflow: Annotated[int, Field(ge=0, le=200)] = 10
    db_timeout_seconds: Annotated[float, Field(gt=0, le=60)] = 5.0
    db_echo: bool = False
    redis_url: str | None = None
    queue_name: Annotated[str, Field(min_length=1, max_length=100)] = "nexora:jobs"
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 8000
    workers: Annotated[int, Field(ge=1, le=64)] = 1
    server: Literal["uvicorn", "granian"] = "uvicorn"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"
    docs_enabled: bool = True
    seed: int = 42
    jwt_secret: SecretStr | None = None
    access_token_minutes: Annotated[int, Field(ge=1, le=1440)] = 15
    refresh_token_days: Annotated[int, Field(ge=1, le=365)] = 30
    gst_rate: Annotated[Decimal, Field(ge=0, lt=1, decimal_places=4)] = Decimal("0.18")

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "mysql+asyncmy://")):
            raise ValueError("expected a URL starting with sqlite+aiosqlite:// or mysql+asyncmy://")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("expected a URL starting with redis://, rediss:// or unix://")
        return value

    @field_validator("jwt_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("expected at least 32 random characters (e.g. `openssl rand -hex 32`)")
        return value

    @model_validator(mode="after")
    def _production_needs_secret(self) -> "Settings":
        if self.is_production and self.jwt_secret is None:
            raise ValueError("NEXORA_JWT_SECRET is required when NEXORA_ENV=production")
        return self

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def uses_redis(self) -> bool:
        return self.redis_url is not None

    @property
    def json_logs(self) -> bool:
        return self.log_format == "json" or (self.log_format == "auto" and self.is_production)


class InvalidSettings(Exception):
    """Start-up configuration is wrong; the message names each variable and what it expects."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid configuration:\n" + "\n".join(f"  - {p}" for p in problems))
        self.problems = problems


def _shown(value: object) -> object:
    """A rejected value as it may be printed: passwords inside URLs are hidden."""
    if isinstance(value, str):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", value)
    return value


def load_settings(**overrides: object) -> Settings:
    """Read the settings; raise InvalidSettings naming every bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            if not error["loc"]:  # a rule across several variables names them itself
                problems.append(message)
                continue
            variable = ENV_PREFIX + ".".join(str(part) for part in error["loc"]).upper()
            shown = "***" if "secret" in variable.lower() else _shown(error.get("input"))
            problems.append(f"{variable}={shown!r}: {message}")
        raise InvalidSettings(problems) from None
