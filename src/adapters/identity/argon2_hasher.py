"""argon2id password hashing (argon2-cffi), off the event loop with a bound on concurrent hashes."""

import asyncio

from argon2 import PasswordHasher as Argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Argon2PasswordHasher:
    """RFC 9106 low-memory profile by default (t=3, m=64 MiB, p=4). Hashing costs ~50 ms of CPU, so at most
    `max_concurrency` run at once: a login flood queues instead of exhausting memory."""

    def __init__(
        self, *, time_cost: int = 3, memory_cost: int = 65536, parallelism: int = 4, max_concurrency: int = 2
    ) -> None:
        self._argon2 = Argon2(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)
        self._slots = asyncio.Semaphore(max_concurrency)

    async def hash(self, password: str) -> str:
        async with self._slots:
            return await asyncio.to_thread(self._argon2.hash, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        async with self._slots:
            try:
                return await asyncio.to_thread(self._argon2.verify, password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._argon2.check_needs_rehash(password_hash)
        except InvalidHashError:
            return True
