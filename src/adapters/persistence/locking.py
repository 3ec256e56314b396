"""Row locks that also hold on SQLite.

MySQL/MariaDB lock the rows a `SELECT ... FOR UPDATE` reads. SQLite ignores FOR UPDATE, and the sqlite3
driver only opens a transaction at the first INSERT/UPDATE/DELETE, so two sessions could both read a row and
then both write it (a lost update, a double escalation, a slot sold twice). On SQLite, `hold_write_lock`
opens the session's transaction with `BEGIN IMMEDIATE` before the read: the database's single write lock is
held from then until commit or rollback, so read-modify-write sequences run one after the other (others wait
up to the busy timeout). On other databases it does nothing: use FOR UPDATE there.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence.errors import storage_errors


async def hold_write_lock(session: AsyncSession) -> None:
    """Call before the locking read of a read-modify-write. A transaction that already wrote holds the
    lock already; otherwise one is begun IMMEDIATE (waiting while another session holds the lock)."""
    async with storage_errors():
        conn = await session.connection()
        if conn.dialect.name != "sqlite":
            return
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        if driver is not None and not driver.in_transaction:
            await conn.exec_driver_sql("BEGIN IMMEDIATE")
