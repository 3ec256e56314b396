"""What the API reads off a request: the bearer token and the client's address."""

from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection

from application.identity.errors import Unauthenticated


def bearer_token(request: Request[Any, Any, Any]) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("send an access token: `Authorization: Bearer <token>`")
    return token.strip()


def client_ip(request: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The peer address (uvicorn rewrites it from X-Forwarded-For only for trusted proxies)."""
    return request.client.host if request.client else ""
