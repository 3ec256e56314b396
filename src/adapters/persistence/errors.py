"""Translate database driver failures into application errors."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, TimeoutError

from application.common.errors import StorageUnavailable


@asynccontextmanager
async def storage_errors() -> AsyncIterator[None]:
    """Raise StorageUnavailable for connection loss, timeouts and server-side operational errors."""
    try:
        yield
    except (OperationalError, InterfaceError, TimeoutError, OSError, ConnectionError) as exc:
        raise StorageUnavailable(type(exc).__name__) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageUnavailable("connection lost") from exc
        raise
