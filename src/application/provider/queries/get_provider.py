"""Show one professional's public profile."""

import msgspec

from application.provider.errors import ProviderNotFound
from application.provider.ports import ProviderReader
from application.provider.views import ProviderProfileView, WorkingHoursView
from domain.provider.entities import ProviderId


class GetProviderQuery(msgspec.Struct, frozen=True):
    provider_id: int


class GetProvider:
    """Anyone may see an active provider's public profile: ratings, experience, hours, skills and served
    pincodes (never contact details). Raises ProviderNotFound for an unknown or inactive provider."""

    def __init__(self, providers: ProviderReader) -> None:
        self._providers = providers

    async def execute(self, query: GetProviderQuery) -> ProviderProfileView:
        provider = await self._providers.get(ProviderId(query.provider_id))
        if provider is None:
            raise ProviderNotFound(query.provider_id)
        skills = await self._providers.skills(provider.id)
        pincodes = await self._providers.served_pincodes(provider.id)
        return ProviderProfileView(
            id=provider.id,
            name=provider.name,
            business_name=provider.business_name,
            bio=provider.bio,
            experience_years=provider.experience_years,
            rating_average=provider.rating_average,
            rating_count=provider.rating_count,
            jobs_completed=provider.jobs_completed,
            is_verified=provider.is_verified,
            working_hours=WorkingHoursView.of(provider.hours),
            skills=list(skills),
            pincodes=[p.value for p in pincodes],
        )
