"""Pricing: one policy (GST rate from settings) for quotes, bookings and the assistant."""

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence.pricing_reader import SqlaPricingReader
from application.pricing.ports import PricingReader
from application.pricing.queries.quote_services import QuoteServicesHandler
from domain.pricing.policy import PricingPolicy
from entrypoints.settings import Settings


class PricingProvider(Provider):
    @provide(scope=Scope.APP)
    def policy(self, settings: Settings) -> PricingPolicy:
        return PricingPolicy(gst_rate=settings.gst_rate)

    @provide(scope=Scope.REQUEST)
    def reader(self, session: AsyncSession) -> PricingReader:
        return SqlaPricingReader(session)

    quote = provide(QuoteServicesHandler, scope=Scope.REQUEST)
