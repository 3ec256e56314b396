"""Database adapters: one engine per process, one session per request or job."""

from collections.abc import AsyncIterator

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.persistence.catalog_reader import SqlaCatalogReader
from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.mappings import map_tables
from adapters.persistence.migrator import AlembicMigrator
from adapters.persistence.probe import SqlaDatabaseProbe
from adapters.persistence.seed.demo import SqlaDemoDataSeeder
from application.catalog.ports import CatalogReader
from application.common.ports import SchemaMigrator
from application.demo.ports import DemoDataSeeder
from entrypoints.settings import Settings


class PersistenceProvider(Provider):
    scope = Scope.APP

    @provide
    async def engine(self, settings: Settings) -> AsyncIterator[AsyncEngine]:
        map_tables()
        engine = create_engine(
            settings.database_url,
            echo=settings.db_echo,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_timeout_seconds,
            connect_timeout=settings.db_timeout_seconds,
        )
        yield engine
        await engine.dispose()

    @provide
    def session_factory(self, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
        return create_session_factory(engine)

    @provide(scope=Scope.REQUEST)
    async def session(self, factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
        async with factory() as session:
            yield session

    @provide
    def migrator(self, settings: Settings) -> SchemaMigrator:
        return AlembicMigrator(settings.database_url)

    @provide
    def database_probe(self, engine: AsyncEngine, migrator: SchemaMigrator) -> SqlaDatabaseProbe:
        return SqlaDatabaseProbe(engine, expected_heads=migrator.heads())

    catalog_reader = provide(SqlaCatalogReader, provides=CatalogReader, scope=Scope.REQUEST)
    seeder = provide(SqlaDemoDataSeeder, provides=DemoDataSeeder)
