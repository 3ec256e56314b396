"""The composition root: the one place that decides which adapter serves which port."""

from dishka import AsyncContainer, Provider, make_async_container

from entrypoints.ioc.ai import ai_providers
from entrypoints.ioc.bookings import BookingsProvider
from entrypoints.ioc.catalog_admin import CatalogAdminProvider
from entrypoints.ioc.complaints import ComplaintsProvider
from entrypoints.ioc.customers import CustomerProvider
from entrypoints.ioc.identity import IdentityProvider
from entrypoints.ioc.knowledge import KnowledgeProvider
from entrypoints.ioc.nlp import NlpProvider
from entrypoints.ioc.ops_bookings import OpsBookingsProvider
from entrypoints.ioc.ops_complaints import OpsComplaintsProvider
from entrypoints.ioc.outbox import OutboxProvider
from entrypoints.ioc.persistence import PersistenceProvider
from entrypoints.ioc.pricing import PricingProvider
from entrypoints.ioc.profiles import CommonProvider, EmbeddedProvider, ProductionProvider
from entrypoints.ioc.providers import ProvidersProvider
from entrypoints.ioc.search import SearchProvider
from entrypoints.ioc.staff import StaffProvider
from entrypoints.ioc.use_cases import UseCaseProvider
from entrypoints.ioc.vectors import VectorsProvider
from entrypoints.settings import Settings


def providers_for(settings: Settings) -> list[Provider]:
    """Redis configured -> production adapters (Redis cache, arq); otherwise the embedded ones."""
    profile = ProductionProvider() if settings.uses_redis else EmbeddedProvider()
    return [
        CommonProvider(),
        PersistenceProvider(),
        profile,
        IdentityProvider(),
        UseCaseProvider(),
        CustomerProvider(),
        PricingProvider(),
        StaffProvider(),
        CatalogAdminProvider(),
        SearchProvider(),
        ProvidersProvider(),
        BookingsProvider(),
        OpsBookingsProvider(),
        ComplaintsProvider(),
        OpsComplaintsProvider(),
        OutboxProvider(),
        NlpProvider(),
        VectorsProvider(),
        KnowledgeProvider(),
        *ai_providers(settings),  # after NlpProvider: Gemini mode overrides its bindings
    ]


def make_container(settings: Settings, *extra: Provider) -> AsyncContainer:
    return make_async_container(*providers_for(settings), *extra, context={Settings: settings})
