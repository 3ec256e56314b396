"""Catalog entries as ops create and change them: formats and ranges checked, text cleaned, and a refused
change leaves the entry exactly as it was."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog.drafts import NewCategory, NewRateCard, NewSubcategory
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.catalog.errors import InvalidCatalogValue, InvalidRateCard
from domain.shared.money import Money


def category() -> Category:
    return Category(
        id=CategoryId(1), slug="cleaning", name="Home Cleaning", description="Clean", icon="broom"
    )


def service() -> Subcategory:
    return Subcategory(
        id=SubcategoryId(10),
        category_id=CategoryId(1),
        slug="deep-cleaning",
        name="Deep Cleaning",
        description="Whole home",
        duration_minutes=240,
        keywords=["safai"],
    )


def card() -> RateCard:
    return RateCard(
        id=RateCardId(100),
        subcategory_id=SubcategoryId(10),
        code="CLN-2BHK",
        name="2 BHK",
        description="",
        price=Money.of("4499.00"),
        strike_price=Money.of("5299.00"),
    )


@pytest.mark.parametrize("slug", ["ac-repair", "a", "2bhk-cleaning", "x" * 80])
def test_draft_keeps_the_slug_when_it_is_lower_case_words_joined_by_hyphens(slug: str) -> None:
    assert NewCategory(slug=slug, name="Name").slug == slug


@pytest.mark.parametrize(
    "slug", ["", "AC-repair", "ac_repair", "ac--repair", "-ac", "ac-", "ac repair", "x" * 81]
)
def test_draft_is_refused_when_the_slug_is_malformed(slug: str) -> None:
    with pytest.raises(InvalidCatalogValue) as refused:
        NewCategory(slug=slug, name="Name")
    assert refused.value.field == "slug"


@given(st.text(max_size=30))
def test_draft_never_accepts_a_slug_outside_the_format(text: str) -> None:
    try:
        made = NewSubcategory(category_id=CategoryId(1), slug=text, name="N", duration_minutes=5).slug
    except InvalidCatalogValue:
        return
    assert made == text
    assert made.replace("-", "").isalnum()
    assert made == made.lower()


def test_draft_cleans_its_text_when_made() -> None:
    draft = NewSubcategory(
        category_id=CategoryId(1),
        slug="sofa-cleaning",
        name="  Sofa   Cleaning ",
        duration_minutes=60,
        description="  Seats  ",
        keywords=[" sofa  shampoo", "sofa shampoo", "couch"],
    )

    assert (draft.name, draft.description, draft.keywords) == (
        "Sofa Cleaning",
        "Seats",
        ["sofa shampoo", "couch"],
    )


@pytest.mark.parametrize(("price", "strike"), [("-0.01", None), ("100.00", "100.00"), ("100.00", "50.00")])
def test_rate_card_draft_follows_the_rate_cards_price_rules(price: str, strike: str | None) -> None:
    with pytest.raises(InvalidRateCard):
        NewRateCard(
            subcategory_id=SubcategoryId(10),
            code="CLN-X",
            name="X",
            price=Money.of(price),
            strike_price=Money.of(strike) if strike else None,
        )


@pytest.mark.parametrize("code", ["cln-x", "CLN_X", "CLN--X", ""])
def test_rate_card_draft_is_refused_when_the_code_is_malformed(code: str) -> None:
    with pytest.raises(InvalidCatalogValue):
        NewRateCard(subcategory_id=SubcategoryId(10), code=code, name="X", price=Money.of("1.00"))


def test_category_revision_changes_only_the_fields_given() -> None:
    c = category()

    c.revise(name=" Home  Care ", sort_order=4)

    assert (c.name, c.description, c.icon, c.sort_order, c.slug) == (
        "Home Care",
        "Clean",
        "broom",
        4,
        "cleaning",
    )


@pytest.mark.parametrize(
    "changes",
    [{"name": "Fine", "sort_order": -1}, {"name": "  "}, {"icon": "x" * 41, "description": "Fine"}],
)
def test_category_revision_changes_nothing_when_one_field_is_refused(changes: dict[str, object]) -> None:
    c = category()

    with pytest.raises(InvalidCatalogValue):
        c.revise(**changes)

    assert (c.name, c.description, c.icon, c.sort_order) == ("Home Cleaning", "Clean", "broom", 0)


@pytest.mark.parametrize("minutes", [0, -5, 10081])
def test_service_revision_changes_nothing_when_the_duration_is_out_of_range(minutes: int) -> None:
    s = service()

    with pytest.raises(InvalidCatalogValue):
        s.revise(name="New", keywords=["new"], duration_minutes=minutes)

    assert (s.name, s.keywords, s.duration_minutes) == ("Deep Cleaning", ["safai"], 240)


def test_entries_hide_and_show_again_when_deactivated_and_reactivated() -> None:
    entries = [category(), service(), card()]
    for entry in entries:
        entry.deactivate()
    hidden = [e.is_active for e in entries]
    for entry in entries:
        entry.reactivate()

    assert (hidden, [e.is_active for e in entries]) == ([False] * 3, [True] * 3)


def test_reprice_changes_nothing_when_the_new_prices_break_a_rule() -> None:
    r = card()

    with pytest.raises(InvalidRateCard):
        r.reprice(price=Money.of("5299.00"), strike_price=r.strike_price)

    assert (r.price, r.strike_price) == (Money.of("4499.00"), Money.of("5299.00"))


def test_reprice_drops_the_strike_price_when_given_none() -> None:
    r = card()

    r.reprice(price=Money.of("3999.00"), strike_price=None)

    assert (r.price, r.strike_price, r.savings) == (Money.of("3999.00"), None, Money.zero())
