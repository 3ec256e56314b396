"""Ops catalog use cases over fakes: catalog.manage enforced in the handlers (refusals logged), every change
logged with before/after in its transaction, and the catalog cache dropped only after the commit, so the
public queries show the change at once."""

from decimal import Decimal
from typing import Any

import pytest

from application.catalog.commands.change_rate_card_pincodes import (
    ChangeRateCardPincodes,
    ChangeRateCardPincodesHandler,
)
from application.catalog.commands.create_category import CreateCategory, CreateCategoryHandler
from application.catalog.commands.create_rate_card import CreateRateCard, CreateRateCardHandler
from application.catalog.commands.create_subcategory import CreateSubcategory, CreateSubcategoryHandler
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.commands.replace_rate_card_pincodes import (
    ReplaceRateCardPincodes,
    ReplaceRateCardPincodesHandler,
)
from application.catalog.commands.update_category import UpdateCategory, UpdateCategoryHandler
from application.catalog.commands.update_rate_card import UpdateRateCard, UpdateRateCardHandler
from application.catalog.commands.update_subcategory import UpdateSubcategory, UpdateSubcategoryHandler
from application.catalog.errors import (
    CategoryNotFound,
    RateCardCodeTaken,
    RateCardNotFound,
    SlugTaken,
    SubcategoryNotFound,
    UnknownPincodes,
)
from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_managed_categories import (
    ListManagedCategories,
    ListManagedCategoriesQuery,
)
from application.catalog.queries.list_rate_cards import ListRateCards, ListRateCardsQuery
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from application.common.errors import InvalidInput, StorageUnavailable
from application.identity.actors import SystemActor
from application.identity.errors import Forbidden
from application.staff.audit import Origin
from domain.catalog.errors import InvalidCatalogValue, InvalidRateCard
from domain.shared.money import InvalidMoney
from domain.shared.pincode import InvalidPincode
from tests.catalog_admin_fakes import CatalogWorld, staff_actor
from tests.fakes import FakeClock

ORIGIN = Origin(ip="10.9.8.7", request_id="req-42")
ADMIN = staff_actor("admin")
AGENT = staff_actor("support_agent", staff_id=5)
INVALIDATED = "invalidate catalog:v1:"


@pytest.fixture
def world() -> CatalogWorld:
    return CatalogWorld(FakeClock())


def handler(world: CatalogWorld, kind: type[Any]) -> Any:
    return kind(world.store, world.tx, world.audit, InvalidateCatalogCache(world.cache))


WRITES: list[tuple[type[Any], Any]] = [
    (CreateCategoryHandler, CreateCategory(slug="pest-control", name="Pest Control", origin=ORIGIN)),
    (UpdateCategoryHandler, UpdateCategory(category_id=1, name="Cleaning", origin=ORIGIN)),
    (
        CreateSubcategoryHandler,
        CreateSubcategory(
            category_id=2, slug="pipe-fix", name="Pipe Fix", duration_minutes=45, origin=ORIGIN
        ),
    ),
    (UpdateSubcategoryHandler, UpdateSubcategory(subcategory_id=10, duration_minutes=200, origin=ORIGIN)),
    (
        CreateRateCardHandler,
        CreateRateCard(subcategory_id=20, code="TAP-1", name="One tap", price="199.00", origin=ORIGIN),
    ),
    (UpdateRateCardHandler, UpdateRateCard(rate_card_id=101, price="3299.00", origin=ORIGIN)),
    (ReplaceRateCardPincodesHandler, ReplaceRateCardPincodes(rate_card_id=101, pincodes=["110001"])),
    (ChangeRateCardPincodesHandler, ChangeRateCardPincodes(rate_card_id=100, add=["110001"])),
]
WRITE_IDS = [kind.__name__ for kind, _ in WRITES]


@pytest.mark.parametrize(("kind", "cmd"), WRITES, ids=WRITE_IDS)
async def test_change_is_logged_then_committed_then_the_cache_dropped_when_an_admin_makes_it(
    world: CatalogWorld, kind: type[Any], cmd: Any
) -> None:
    await handler(world, kind).execute(cmd, actor=ADMIN)

    assert world.timeline == ["commit", INVALIDATED]
    [entry] = world.log.entries
    assert (entry.staff_id, entry.succeeded, entry.action.startswith("catalog.")) == (2, True, True)
    assert entry.after is not None


@pytest.mark.parametrize(("kind", "cmd"), WRITES, ids=WRITE_IDS)
async def test_change_is_refused_and_the_refusal_logged_when_the_actor_lacks_catalog_manage(
    world: CatalogWorld, kind: type[Any], cmd: Any
) -> None:
    before = (list(world.reader.categories), list(world.reader.rate_cards), dict(world.reader.offers))

    with pytest.raises(Forbidden) as refused:
        await handler(world, kind).execute(cmd, actor=AGENT)

    assert refused.value.permission == "catalog.manage"
    [entry] = world.log.entries
    assert (entry.staff_id, entry.succeeded, entry.after) == (5, False, {"refused": "catalog.manage"})
    assert INVALIDATED not in world.timeline
    assert (world.reader.categories, world.reader.rate_cards, world.reader.offers) == before


@pytest.mark.parametrize(("kind", "cmd"), WRITES, ids=WRITE_IDS)
async def test_cache_is_kept_when_the_commit_fails(world: CatalogWorld, kind: type[Any], cmd: Any) -> None:
    world.tx.fail_with = StorageUnavailable("gone")

    with pytest.raises(StorageUnavailable):
        await handler(world, kind).execute(cmd, actor=ADMIN)

    assert world.timeline == []


async def test_new_category_is_listed_at_once_when_the_list_was_cached_before(world: CatalogWorld) -> None:
    public = ListCategories(world.reader, world.cache)
    await public.execute()

    view = await handler(world, CreateCategoryHandler).execute(
        CreateCategory(
            slug="pest-control", name="  Pest   Control ", icon="bug", sort_order=3, origin=ORIGIN
        ),
        actor=SystemActor(),
    )

    assert (view.name, view.is_active) == ("Pest Control", True)
    assert [c.slug for c in (await public.execute()).items] == ["cleaning", "plumbing", "pest-control"]
    [entry] = world.log.entries
    assert (entry.staff_id, entry.ip, entry.request_id, entry.target_id) == (
        None,
        "10.9.8.7",
        "req-42",
        str(view.id),
    )
    assert entry.after == {
        "id": view.id,
        "slug": "pest-control",
        "name": "Pest Control",
        "description": "",
        "icon": "bug",
        "sort_order": 3,
        "is_active": True,
    }


@pytest.mark.parametrize(
    ("cmd", "error"),
    [
        (CreateCategory(slug="cleaning", name="Again"), SlugTaken),
        (CreateCategory(slug="retired", name="Again"), SlugTaken),
        (CreateCategory(slug="Pest Control", name="Pests"), InvalidCatalogValue),
        (CreateCategory(slug="pests", name="   "), InvalidCatalogValue),
        (CreateCategory(slug="pests", name="Pests", sort_order=-1), InvalidCatalogValue),
    ],
)
async def test_new_category_is_refused_and_nothing_written_when_its_values_are_wrong(
    world: CatalogWorld, cmd: CreateCategory, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await handler(world, CreateCategoryHandler).execute(cmd, actor=ADMIN)

    assert (world.log.entries, world.timeline, len(world.reader.categories)) == ([], [], 3)


async def test_deactivating_a_category_hides_it_and_its_services_when_they_were_cached(
    world: CatalogWorld,
) -> None:
    categories = ListCategories(world.reader, world.cache)
    services = ListSubcategories(world.reader, world.cache)
    await categories.execute()
    await services.execute(ListSubcategoriesQuery(category_id=1))

    await handler(world, UpdateCategoryHandler).execute(
        UpdateCategory(category_id=1, is_active=False, origin=ORIGIN), actor=ADMIN
    )

    assert [c.slug for c in (await categories.execute()).items] == ["plumbing"]
    with pytest.raises(CategoryNotFound):
        await services.execute(ListSubcategoriesQuery(category_id=1))
    [entry] = world.log.entries
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["is_active"], entry.after["is_active"], entry.after["name"]) == (
        True,
        False,
        "Home Cleaning",
    )


async def test_inactive_category_comes_back_when_reactivated(world: CatalogWorld) -> None:
    view = await handler(world, UpdateCategoryHandler).execute(
        UpdateCategory(category_id=3, is_active=True, description="Back again"), actor=ADMIN
    )

    assert (view.is_active, view.description, view.slug) == (True, "Back again", "retired")
    assert "retired" in [c.slug for c in (await ListCategories(world.reader, world.cache).execute()).items]


@pytest.mark.parametrize(
    ("kind", "cmd", "error"),
    [
        (UpdateCategoryHandler, UpdateCategory(category_id=99, name="X"), CategoryNotFound),
        (UpdateSubcategoryHandler, UpdateSubcategory(subcategory_id=99, name="X"), SubcategoryNotFound),
        (UpdateRateCardHandler, UpdateRateCard(rate_card_id=99, name="X"), RateCardNotFound),
        (
            CreateSubcategoryHandler,
            CreateSubcategory(category_id=99, slug="x", name="X", duration_minutes=30),
            CategoryNotFound,
        ),
        (
            CreateRateCardHandler,
            CreateRateCard(subcategory_id=99, code="X", name="X", price="1.00"),
            SubcategoryNotFound,
        ),
        (
            ReplaceRateCardPincodesHandler,
            ReplaceRateCardPincodes(rate_card_id=99, pincodes=[]),
            RateCardNotFound,
        ),
        (ChangeRateCardPincodesHandler, ChangeRateCardPincodes(rate_card_id=99), RateCardNotFound),
    ],
)
async def test_change_answers_not_found_when_the_id_is_unknown(
    world: CatalogWorld, kind: type[Any], cmd: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await handler(world, kind).execute(cmd, actor=ADMIN)

    assert world.timeline == []


async def test_service_changes_replace_its_lists_and_keep_the_rest_when_patched(world: CatalogWorld) -> None:
    view = await handler(world, UpdateSubcategoryHandler).execute(
        UpdateSubcategory(subcategory_id=10, keywords=[" deep  clean ", "safai", "safai"], sort_order=7),
        actor=ADMIN,
    )

    assert (view.keywords, view.sort_order, view.inclusions, view.name) == (
        ["deep clean", "safai"],
        7,
        ["Kitchen", "Bathrooms"],
        "Deep Cleaning",
    )


@pytest.mark.parametrize(
    "cmd",
    [
        UpdateSubcategory(subcategory_id=10, duration_minutes=0),
        UpdateSubcategory(subcategory_id=10, duration_minutes=10081),
        UpdateSubcategory(subcategory_id=10, inclusions=["ok", " "]),
        UpdateSubcategory(subcategory_id=10, name=""),
    ],
)
async def test_service_change_is_refused_and_nothing_written_when_a_value_breaks_a_rule(
    world: CatalogWorld, cmd: UpdateSubcategory
) -> None:
    with pytest.raises(InvalidCatalogValue):
        await handler(world, UpdateSubcategoryHandler).execute(cmd, actor=ADMIN)

    assert world.timeline == []
    assert world.reader.subcategories[0].duration_minutes == 240


async def test_deactivated_service_answers_not_found_publicly_when_it_was_cached(world: CatalogWorld) -> None:
    rate_cards = ListRateCards(world.reader, world.cache)
    await rate_cards.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034"))

    await handler(world, UpdateSubcategoryHandler).execute(
        UpdateSubcategory(subcategory_id=10, is_active=False), actor=ADMIN
    )

    with pytest.raises(SubcategoryNotFound):
        await rate_cards.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034"))


async def test_new_rate_card_is_offered_nowhere_until_its_pincodes_are_set(world: CatalogWorld) -> None:
    view = await handler(world, CreateRateCardHandler).execute(
        CreateRateCard(
            subcategory_id=10,
            code="CLN-5BHK",
            name="5 BHK",
            price="8999.00",
            strike_price="9999.00",
            unit="home",
        ),
        actor=ADMIN,
    )

    assert (view.price.amount, view.strike_price and view.strike_price.amount) == (
        Decimal("8999.00"),
        Decimal("9999.00"),
    )
    assert view.id in [
        r.id
        for r in (
            await ListRateCards(world.reader, world.cache).execute(ListRateCardsQuery(subcategory_id=10))
        ).items
    ]
    at_pincode = await ListRateCards(world.reader, world.cache).execute(
        ListRateCardsQuery(subcategory_id=10, pincode="560034")
    )
    assert view.id not in [r.id for r in at_pincode.items]


@pytest.mark.parametrize(
    ("price", "strike", "error"),
    [
        ("-1.00", None, InvalidRateCard),
        ("100.00", "100.00", InvalidRateCard),
        ("100.00", "99.99", InvalidRateCard),
        ("100.001", None, InvalidMoney),
        ("ten", None, InvalidMoney),
    ],
)
async def test_new_rate_card_is_refused_when_its_prices_break_a_rule(
    world: CatalogWorld, price: str, strike: str | None, error: type[Exception]
) -> None:
    cmd = CreateRateCard(subcategory_id=10, code="CLN-X", name="X", price=price, strike_price=strike)

    with pytest.raises(error):
        await handler(world, CreateRateCardHandler).execute(cmd, actor=ADMIN)

    assert world.timeline == []


async def test_new_rate_card_is_refused_when_its_code_is_taken(world: CatalogWorld) -> None:
    cmd = CreateRateCard(subcategory_id=10, code="CLN-OLD", name="Again", price="1.00")

    with pytest.raises(RateCardCodeTaken):
        await handler(world, CreateRateCardHandler).execute(cmd, actor=ADMIN)


async def test_new_price_shows_at_once_at_a_pincode_when_the_rate_cards_were_cached(
    world: CatalogWorld,
) -> None:
    public = ListRateCards(world.reader, world.cache)
    query = ListRateCardsQuery(subcategory_id=10, pincode="560034")
    await public.execute(query)

    await handler(world, UpdateRateCardHandler).execute(
        UpdateRateCard(rate_card_id=100, price="3999.00", origin=ORIGIN), actor=ADMIN
    )

    prices = {r.id: r.price.amount for r in (await public.execute(query)).items}
    assert prices[100] == Decimal("3999.00")
    [entry] = world.log.entries
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["price"], entry.after["price"]) == (
        {"amount": "4499.00", "currency": "INR"},
        {"amount": "3999.00", "currency": "INR"},
    )


@pytest.mark.parametrize(
    ("cmd", "price", "strike"),
    [
        (UpdateRateCard(rate_card_id=100, strike_price=None), "4499.00", None),
        (UpdateRateCard(rate_card_id=100, price="5499.00", strike_price="5999.00"), "5499.00", "5999.00"),
        (UpdateRateCard(rate_card_id=101, strike_price="3999.00"), "3499.00", "3999.00"),
    ],
)
async def test_prices_change_together_when_the_strike_price_is_given_or_removed(
    world: CatalogWorld, cmd: UpdateRateCard, price: str, strike: str | None
) -> None:
    view = await handler(world, UpdateRateCardHandler).execute(cmd, actor=ADMIN)

    assert view.price.amount == Decimal(price)
    assert (view.strike_price.amount if view.strike_price else None) == (Decimal(strike) if strike else None)


async def test_new_price_is_refused_when_it_reaches_the_current_strike_price(world: CatalogWorld) -> None:
    with pytest.raises(InvalidRateCard):
        await handler(world, UpdateRateCardHandler).execute(
            UpdateRateCard(rate_card_id=100, price="5299.00", name="Renamed"), actor=ADMIN
        )

    card = next(r for r in world.reader.rate_cards if r.id == 100)
    assert (card.price.amount, card.name, world.timeline) == (Decimal("4499.00"), "2 BHK", [])


async def test_pincodes_are_replaced_and_the_difference_logged_when_set(world: CatalogWorld) -> None:
    view = await handler(world, ReplaceRateCardPincodesHandler).execute(
        ReplaceRateCardPincodes(rate_card_id=101, pincodes=["110001", "560 034", "110001"], origin=ORIGIN),
        actor=ADMIN,
    )

    assert (view.pincodes, view.added, view.removed) == (["110001", "560034"], ["110001"], ["400050"])
    assert world.reader.offers[101] == {"110001", "560034"}
    [entry] = world.log.entries
    assert (entry.before, entry.after) == (
        {"pincode_count": 2},
        {"pincode_count": 2, "added": ["110001"], "removed": ["400050"]},
    )


@pytest.mark.parametrize(
    ("pincodes", "error"),
    [
        (["560034", "999999", "123456"], UnknownPincodes),
        (["56003"], InvalidPincode),
        ([str(110001 + n) for n in range(501)], InvalidInput),
    ],
)
async def test_pincodes_are_kept_when_the_new_set_is_refused(
    world: CatalogWorld, pincodes: list[str], error: type[Exception]
) -> None:
    with pytest.raises(error) as refused:
        await handler(world, ReplaceRateCardPincodesHandler).execute(
            ReplaceRateCardPincodes(rate_card_id=101, pincodes=pincodes), actor=ADMIN
        )

    if isinstance(refused.value, UnknownPincodes):
        assert refused.value.pincodes == ["123456", "999999"]
    assert (world.reader.offers[101], world.timeline) == ({"560034", "400050"}, [])


async def test_pincodes_are_added_and_removed_and_the_rest_kept_when_changed(world: CatalogWorld) -> None:
    view = await handler(world, ChangeRateCardPincodesHandler).execute(
        ChangeRateCardPincodes(rate_card_id=101, add=["110001", "560034"], remove=["400050"]), actor=ADMIN
    )

    assert (view.pincodes, view.added, view.removed) == (["110001", "560034"], ["110001"], ["400050"])


@pytest.mark.parametrize(
    ("add", "remove", "error"),
    [
        (["110001"], ["110001"], InvalidInput),
        (["999999"], [], UnknownPincodes),
        ([], ["999999"], UnknownPincodes),
    ],
)
async def test_pincode_change_is_refused_when_it_is_contradictory_or_unknown(
    world: CatalogWorld, add: list[str], remove: list[str], error: type[Exception]
) -> None:
    with pytest.raises(error):
        await handler(world, ChangeRateCardPincodesHandler).execute(
            ChangeRateCardPincodes(rate_card_id=101, add=add, remove=remove), actor=ADMIN
        )

    assert world.timeline == []


async def test_ops_list_shows_inactive_categories_only_when_asked(world: CatalogWorld) -> None:
    query = ListManagedCategories(world.store)
    viewer = staff_actor("read_only", staff_id=9)

    active = await query.execute(ListManagedCategoriesQuery(), actor=viewer)
    everything = await query.execute(ListManagedCategoriesQuery(include_inactive=True, limit=2), actor=viewer)
    rest = await query.execute(ListManagedCategoriesQuery(include_inactive=True, offset=2), actor=viewer)

    assert ([c.slug for c in active.items], active.total) == (["cleaning", "plumbing"], 2)
    assert ([c.slug for c in everything.items], everything.total) == (["cleaning", "plumbing"], 3)
    assert [(c.slug, c.is_active) for c in rest.items] == [("retired", False)]


@pytest.mark.parametrize(
    ("query", "role", "error"),
    [
        (ListManagedCategoriesQuery(), "quality", Forbidden),
        (ListManagedCategoriesQuery(limit=101), "admin", InvalidInput),
        (ListManagedCategoriesQuery(offset=-1), "admin", InvalidInput),
    ],
)
async def test_ops_list_is_refused_when_the_actor_or_the_page_is_wrong(
    world: CatalogWorld, query: ListManagedCategoriesQuery, role: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await ListManagedCategories(world.store).execute(query, actor=staff_actor(role))
