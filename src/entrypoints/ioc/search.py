"""Service search: which matching algorithm recognises services, and the index each process keeps."""

from dishka import Provider, Scope, provide, provide_all

from adapters.search.fuzzy_matcher import FuzzyServiceMatcherFactory
from application.catalog.ports import ServiceMatcherFactory
from application.catalog.queries.evaluate_service_search import EvaluateServiceSearch
from application.catalog.queries.search_services import SearchServices
from application.catalog.search_index import ServiceMatcherIndex


class SearchProvider(Provider):
    scope = Scope.APP

    @provide
    def matcher_factory(self) -> ServiceMatcherFactory:
        return FuzzyServiceMatcherFactory()

    index = provide(ServiceMatcherIndex)
    handlers = provide_all(SearchServices, EvaluateServiceSearch, scope=Scope.REQUEST)
