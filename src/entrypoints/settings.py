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


OFFLINE_EMBEDDING_DIMENSION = 256  # WordLlama l2_supercat (adapters.ai.wordllama_embedder; a test checks)
DEFAULT_LLM_PRICES = "gemini-2.5-flash-lite=0.10/0.40,gemini-2.5-flash=0.30/2.50,gemini-2.5-pro=1.25/10.00"


def parse_llm_prices(value: str) -> dict[str, tuple[Decimal, Decimal]]:
    """`model=input/output,...` in USD per million tokens -> {model: (input, output)}."""
    prices: dict[str, tuple[Decimal, Decimal]] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        model, _, pair = item.partition("=")
        given, _, produced = pair.partition("/")
        try:
            price = (Decimal(given), Decimal(produced))
        except ArithmeticError:
            raise ValueError(f"expected model=input/output USD per million tokens, got {item!r}") from None
        if not model.strip() or min(price) < 0 or not all(p.is_finite() for p in price):
            raise ValueError(f"expected model=input/output USD per million tokens, got {item!r}")
        prices[model.strip()] = price
    return prices


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
    sla_monitor_enabled: bool = True
    llm_provider: Literal["offline", "gemini"] = "offline"
    gemini_api_key: SecretStr | None = None
    gemini_base_url: str | None = None
    llm_model_light: Annotated[str, Field(min_length=1, max_length=100)] = "gemini-2.5-flash-lite"
    llm_model_strong: Annotated[str, Field(min_length=1, max_length=100)] = "gemini-2.5-flash"
    llm_prices: str = DEFAULT_LLM_PRICES
    llm_timeout_seconds: Annotated[float, Field(gt=0, le=300)] = 10.0
    llm_deadline_seconds: Annotated[float, Field(gt=0, le=600)] = 15.0
    ai_breaker_failures: Annotated[int, Field(ge=1, le=100)] = 5
    ai_breaker_cooldown_seconds: Annotated[float, Field(gt=0, le=600)] = 30.0
    ai_rate_limit_per_minute: Annotated[int, Field(ge=0, le=100_000)] = 30
    knowledge_vector_budget_seconds: Annotated[float, Field(gt=0, le=60)] = 2.5
    llm_max_attempts: Annotated[int, Field(ge=1, le=10)] = 4
    llm_cache_ttl_seconds: Annotated[int, Field(ge=0, le=30 * 86400)] = 86400
    embedding_provider: Literal["auto", "offline", "gemini"] = "auto"
    embedding_model: Annotated[str, Field(min_length=1, max_length=100)] = "gemini-embedding-001"
    embedding_dimension: Annotated[int, Field(ge=128, le=3072)] = 768
    vector_provider: Literal["local", "pinecone"] = "local"
    pinecone_api_key: SecretStr | None = None
    pinecone_index_host: str | None = None
    pinecone_timeout_seconds: Annotated[float, Field(gt=0, le=120)] = 3.0
    pinecone_deadline_seconds: Annotated[float, Field(gt=0, le=600)] = 8.0

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

    @field_validator("gemini_api_key", "pinecone_api_key")
    @classmethod
    def _blank_key_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        return None if value is None or not value.get_secret_value().strip() else value

    @field_validator("gemini_base_url", "pinecone_index_host")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(
                "expected a URL starting with http:// or https:// (a Pinecone index host looks like "
                "https://nexora-abc123.svc.pinecone.io)"
            )
        return value.rstrip("/")

    @field_validator("llm_prices")
    @classmethod
    def _valid_prices(cls, value: str) -> str:
        parse_llm_prices(value)
        return value

    @model_validator(mode="after")
    def _gemini_needs_key(self) -> "Settings":
        if self.llm_provider == "gemini" and self.gemini_api_key is None:
            raise ValueError("NEXORA_GEMINI_API_KEY is required when NEXORA_LLM_PROVIDER=gemini")
        return self

    @model_validator(mode="after")
    def _vector_services_configured(self) -> "Settings":
        if self.resolved_embedding_provider == "gemini" and self.gemini_api_key is None:
            raise ValueError("NEXORA_GEMINI_API_KEY is required when embeddings use Gemini")
        if self.vector_provider == "pinecone" and (
            self.pinecone_api_key is None or not self.pinecone_index_host
        ):
            raise ValueError(
                "NEXORA_PINECONE_API_KEY and NEXORA_PINECONE_INDEX_HOST are required when "
                "NEXORA_VECTOR_PROVIDER=pinecone"
            )
        if (
            self.vector_provider == "pinecone"
            and self.resolved_embedding_provider == "offline"
            and self.embedding_dimension != OFFLINE_EMBEDDING_DIMENSION
        ):
            raise ValueError(
                f"NEXORA_EMBEDDING_DIMENSION={self.embedding_dimension} does not match the offline embedder, "
                f"which gives {OFFLINE_EMBEDDING_DIMENSION}-dimension vectors: with NEXORA_VECTOR_PROVIDER="
                f"pinecone set it to {OFFLINE_EMBEDDING_DIMENSION} (and create the index with that "
                "dimension) or use NEXORA_EMBEDDING_PROVIDER=gemini"
            )
        return self

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
    def resolved_embedding_provider(self) -> Literal["offline", "gemini"]:
        """`auto` follows NEXORA_LLM_PROVIDER."""
        return self.llm_provider if self.embedding_provider == "auto" else self.embedding_provider

    @property
    def llm_price_table(self) -> dict[str, tuple[Decimal, Decimal]]:
        return parse_llm_prices(self.llm_prices)

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
            hidden = "secret" in variable.lower() or variable.endswith("_KEY")
            shown = "***" if hidden else _shown(error.get("input"))
            problems.append(f"{variable}={shown!r}: {message}")
        raise InvalidSettings(problems) from None
