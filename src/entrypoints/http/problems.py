"""One table maps application and domain errors to RFC 9457 problem details (application/problem+json)."""

import math
from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from application.ai.ports import AIServiceError
from application.common.errors import (
    ApplicationError,
    Conflict,
    DependencyUnavailable,
    InvalidInput,
    NotFoundError,
)
from application.identity.errors import AccountExists, Forbidden, RateLimited, Unauthenticated
from domain.knowledge.errors import DocumentTooLarge, UnsupportedDocumentType
from domain.shared.errors import DomainError, InvalidValue

MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger("nexora.http")
AI_RETRY_AFTER_SECONDS = 10

# (error class, status, title). The first row whose class matches the error (through its MRO) wins.
ERROR_TABLE: list[tuple[type[Exception], int, str]] = [
    (InvalidValue, 400, "Invalid value"),
    (InvalidInput, 400, "Invalid input"),
    (Unauthenticated, 401, "Authentication required"),
    (Forbidden, 403, "Forbidden"),
    (NotFoundError, 404, "Not found"),
    (AccountExists, 409, "Conflict"),
    (Conflict, 409, "Conflict"),
    (RateLimited, 429, "Too many requests"),
    (DependencyUnavailable, 503, "Service temporarily unavailable"),
    (AIServiceError, 503, "AI service temporarily unavailable"),
    (DocumentTooLarge, 413, "Document too large"),
    (UnsupportedDocumentType, 415, "Unsupported document type"),
    (DomainError, 422, "Request refused by a business rule"),
    (ApplicationError, 422, "Request refused"),
]


def problem(
    request: Request[Any, Any, Any],
    *,
    status: int,
    title: str,
    detail: str,
    code: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response[dict[str, Any]]:
    body: dict[str, Any] = {
        "type": f"urn:nexora:problem:{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "code": code,
        "requestId": request.scope.get("state", {}).get("request_id"),
        **extra,
    }
    return Response(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _code_of(exc: Exception) -> str:
    if isinstance(exc, AIServiceError):
        return "ai_unavailable"
    return str(getattr(exc, "code", "error"))


def handle_known_error(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    match = next(((s, t) for error_type, s, t in ERROR_TABLE if isinstance(exc, error_type)), None)
    if match is None:  # pragma: no cover - the table ends with the base classes
        return handle_unexpected(request, exc)
    status, title = match
    extra: dict[str, Any] = {}
    headers: dict[str, str] | None = None
    if isinstance(exc, InvalidValue | InvalidInput):
        extra["field"] = exc.field
    if isinstance(exc, Unauthenticated):
        headers = {"WWW-Authenticate": 'Bearer realm="nexora"'}
    if isinstance(exc, RateLimited):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
        extra["retryAfter"] = exc.retry_after_seconds
    if isinstance(exc, Forbidden):
        extra["permission"] = exc.permission
    extra.update(getattr(exc, "problem_extra", {}))
    if isinstance(exc, DependencyUnavailable):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
        extra["dependency"] = exc.dependency
        log.warning("dependency.unavailable", dependency=exc.dependency, detail=exc.message)
    message = str(getattr(exc, "message", exc))
    if isinstance(exc, AIServiceError):
        wait = exc.retry_after_seconds
        headers = {"Retry-After": str(AI_RETRY_AFTER_SECONDS if wait is None else max(1, math.ceil(wait)))}
        extra["dependency"] = exc.service
        message = f"{exc.service} cannot answer right now ({exc.detail}); try again shortly"
        log.warning("ai.unavailable", dependency=exc.service, detail=exc.detail)
    return problem(
        request, status=status, title=title, detail=message, code=_code_of(exc), headers=headers, **extra
    )


def handle_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    if isinstance(exc, ValidationException):
        errors = exc.extra if isinstance(exc.extra, list) else []
        return problem(
            request,
            status=400,
            title="Invalid request",
            detail=_validation_detail(errors) or exc.detail,
            code="invalid_request",
            errors=errors,
        )
    status = exc.status_code
    code = {
        404: "not_found",
        405: "method_not_allowed",
        401: "unauthorized",
        403: "forbidden",
        413: "payload_too_large",
    }.get(status, "http_error")
    detail = exc.detail if status < 500 else "The server could not handle this request."
    return problem(
        request, status=status, title=exc.detail or "Error", detail=detail, code=code, headers=exc.headers
    )


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.exception("http.unhandled_error", path=request.url.path, error=type(exc).__name__)
    return problem(
        request,
        status=500,
        title="Internal server error",
        detail="Something went wrong on our side. Quote the request id when reporting it.",
        code="internal_error",
    )


def _validation_detail(errors: list[Any]) -> str:
    parts = []
    for err in errors:
        if isinstance(err, dict):
            where = f"{err.get('source', '')} parameter '{err.get('key', '')}'".strip()
            parts.append(f"{where}: {err.get('message', 'invalid')}")
    return "; ".join(parts)


EXCEPTION_HANDLERS: dict[int | type[Exception], Any] = {
    DomainError: handle_known_error,
    ApplicationError: handle_known_error,
    AIServiceError: handle_known_error,
    HTTPException: handle_http_exception,
    Exception: handle_unexpected,
}
