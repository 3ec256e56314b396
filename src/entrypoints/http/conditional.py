"""Conditional GETs for public catalog reads: a strong ETag over the exact body, `Cache-Control`, and
`304 Not Modified` (no body) when the client already holds that representation."""

import hashlib
from typing import Any, TypeVar, cast

import msgspec
from litestar import Request, Response
from litestar.status_codes import HTTP_304_NOT_MODIFIED

CATALOG_MAX_AGE = 60
T = TypeVar("T", bound=msgspec.Struct)
_encoder = msgspec.json.Encoder()


def _matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    return etag in {c.strip().removeprefix("W/") for c in header.split(",")}


def conditional(request: Request[Any, Any, Any], body: T, *, max_age: int = CATALOG_MAX_AGE) -> Response[T]:
    """`body` with an ETag and Cache-Control; 304 when `If-None-Match` names the same ETag."""
    etag = f'"{hashlib.sha256(_encoder.encode(body)).hexdigest()[:32]}"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if _matches(request.headers.get("if-none-match", ""), etag):
        return Response(cast("T", b""), status_code=HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(body, headers=headers)
