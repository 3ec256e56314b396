"""Structured logs: JSON in production, readable in development; every line carries the request id.

Secrets never reach a log line: values under sensitive keys are replaced, and Indian mobile numbers in
any string are masked to their last four digits.
"""

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

# Whole words of a key (snake_case, camelCase or kebab-case): "refresh_token" and "apiKey" match,
# "tokens_used" and "footprint" do not.
SENSITIVE_WORD = re.compile(
    r"(?:^|_)(?:pass|password|passwd|hash|secret|token|authorization|apikey|api_key|cookie|otp)(?:_|$)"
)
# An Indian mobile, with or without +91/0, its ten digits possibly grouped by single spaces or hyphens.
PHONE = re.compile(r"(?<![\d+])(?:\+?91[\s-]?|0)?[6-9](?:[\s-]?\d){9}(?!\d)")
REDACTED = "[redacted]"
MAX_DEPTH = 12


def is_sensitive(key: object) -> bool:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(key)).replace("-", "_").lower()
    return SENSITIVE_WORD.search(words) is not None


def mask_phones(text: str) -> str:
    return PHONE.sub(lambda m: "******" + re.sub(r"\D", "", m.group())[-4:], text)


def _scrub(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return mask_phones(value)
    if isinstance(value, dict | list | tuple) and depth >= MAX_DEPTH:
        return REDACTED
    if isinstance(value, dict):
        return {k: REDACTED if is_sensitive(k) else _scrub(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, depth + 1) for v in value]
    return value


def redact(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: drop secrets and mask phone numbers anywhere in the event."""
    for key in list(event_dict):
        if is_sensitive(key):
            event_dict[key] = REDACTED
        else:
            event_dict[key] = _scrub(event_dict[key])
    return event_dict


def configure_logging(*, level: str = "INFO", json_logs: bool = False) -> None:
    """Route structlog and the standard library (uvicorn, sqlalchemy, arq) through one pipeline."""
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if json_logs
        else structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(),
            # Local variables in tracebacks would print API keys, tokens and customer text.
            exception_formatter=structlog.dev.RichTracebackFormatter(show_locals=False),
        )
    )
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info if json_logs else _identity,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "arq", "granian"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("asyncmy").setLevel(logging.ERROR)


def _identity(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    return event_dict
