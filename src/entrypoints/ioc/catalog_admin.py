"""Ops catalog management: the catalog repository and directory, and the use cases that change the catalog."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.catalog_directory import SqlaCatalogDirectory
from adapters.persistence.catalog_repository import SqlaCatalogRepository
from application.catalog.commands.change_rate_card_pincodes import ChangeRateCardPincodesHandler
from application.catalog.commands.create_category import CreateCategoryHandler
from application.catalog.commands.create_rate_card import CreateRateCardHandler
from application.catalog.commands.create_subcategory import CreateSubcategoryHandler
from application.catalog.commands.replace_rate_card_pincodes import ReplaceRateCardPincodesHandler
from application.catalog.commands.update_category import UpdateCategoryHandler
from application.catalog.commands.update_rate_card import UpdateRateCardHandler
from application.catalog.commands.update_subcategory import UpdateSubcategoryHandler
from application.catalog.ports import CatalogDirectory, CatalogRepository
from application.catalog.queries.list_managed_categories import ListManagedCategories


class CatalogAdminProvider(Provider):
    scope = Scope.REQUEST

    repository = provide(SqlaCatalogRepository, provides=CatalogRepository)
    directory = provide(SqlaCatalogDirectory, provides=CatalogDirectory)
    handlers = provide_all(
        CreateCategoryHandler,
        UpdateCategoryHandler,
        CreateSubcategoryHandler,
        UpdateSubcategoryHandler,
        CreateRateCardHandler,
        UpdateRateCardHandler,
        ReplaceRateCardPincodesHandler,
        ChangeRateCardPincodesHandler,
        ListManagedCategories,
    )
