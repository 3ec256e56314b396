"""Browsing professionals and places: provider search, profiles and availability, pincode coverage and
service details."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.provider_reader import SqlaProviderReader
from adapters.persistence.service_coverage import SqlaServiceCoverage
from application.catalog.queries.get_subcategory_details import GetSubcategoryDetails
from application.provider.ports import ProviderReader
from application.provider.queries.get_provider import GetProvider
from application.provider.queries.get_provider_availability import GetProviderAvailability
from application.provider.queries.search_providers import SearchProviders
from application.serviceability.ports import ServiceCoverage
from application.serviceability.queries.get_pincode import GetPincode


class ProvidersProvider(Provider):
    scope = Scope.REQUEST

    reader = provide(SqlaProviderReader, provides=ProviderReader)
    coverage = provide(SqlaServiceCoverage, provides=ServiceCoverage)
    handlers = provide_all(
        SearchProviders, GetProvider, GetProviderAvailability, GetPincode, GetSubcategoryDetails
    )
