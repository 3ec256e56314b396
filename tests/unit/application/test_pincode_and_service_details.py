"""Pincode coverage and service details with in-memory fakes."""

from decimal import Decimal

import pytest

from application.catalog.errors import SubcategoryNotFound
from application.catalog.queries.get_subcategory_details import (
    GetSubcategoryDetails,
    GetSubcategoryDetailsQuery,
)
from application.serviceability.errors import PincodeNotFound
from application.serviceability.ports import PincodeInfo
from application.serviceability.queries.get_pincode import GetPincode, GetPincodeQuery
from domain.shared.pincode import InvalidPincode, Pincode
from tests.customer_fakes import InMemoryPincodeDirectory
from tests.fakes import InMemoryCatalogReader
from tests.provider_fakes import InMemoryServiceCoverage, sample_provider_data


@pytest.fixture
def catalog() -> InMemoryCatalogReader:
    return sample_provider_data().catalog


def get_pincode(catalog: InMemoryCatalogReader) -> tuple[GetPincode, InMemoryPincodeDirectory]:
    directory = InMemoryPincodeDirectory(
        [
            PincodeInfo(Pincode("560034"), "Koramangala", "Bengaluru", "Karnataka", serviceable=True),
            PincodeInfo(Pincode("560001"), "MG Road", "Bengaluru", "Karnataka", serviceable=True),
            PincodeInfo(Pincode("400050"), "Bandra West", "Mumbai", "Maharashtra", serviceable=False),
        ]
    )
    return GetPincode(directory, InMemoryServiceCoverage(catalog)), directory


async def test_pincode_lists_the_categories_bookable_there_when_it_is_served(
    catalog: InMemoryCatalogReader,
) -> None:
    handler, _ = get_pincode(catalog)
    view = await handler.execute(GetPincodeQuery(pincode=" 560 034 "))
    assert (view.pincode, view.locality, view.city, view.state) == (
        "560034",
        "Koramangala",
        "Bengaluru",
        "Karnataka",
    )
    assert view.serviceable is True
    assert [(c.id, c.slug, c.name) for c in view.categories] == [(1, "cleaning", "Home Cleaning")]
    assert [c.slug for c in (await handler.execute(GetPincodeQuery(pincode="560001"))).categories] == [
        "plumbing"
    ]


async def test_pincode_lists_nothing_when_it_is_not_served(catalog: InMemoryCatalogReader) -> None:
    handler, _ = get_pincode(catalog)
    view = await handler.execute(GetPincodeQuery(pincode="400050"))
    assert (view.serviceable, view.categories, view.city) == (False, [], "Mumbai")


async def test_pincode_is_refused_when_malformed_or_unknown(catalog: InMemoryCatalogReader) -> None:
    handler, directory = get_pincode(catalog)
    with pytest.raises(InvalidPincode):
        await handler.execute(GetPincodeQuery(pincode="012345"))
    assert directory.lookups == 0
    with pytest.raises(PincodeNotFound) as caught:
        await handler.execute(GetPincodeQuery(pincode="999999"))
    assert caught.value.code == "pincode_not_found"


async def test_service_details_carry_its_category_and_rate_cards_cheapest_first(
    catalog: InMemoryCatalogReader,
) -> None:
    details = await GetSubcategoryDetails(catalog).execute(GetSubcategoryDetailsQuery(subcategory_id=10))
    assert (details.name, details.duration_minutes, details.inclusions) == (
        "Deep Cleaning",
        240,
        ["Kitchen", "Bathrooms"],
    )
    assert (details.category_id, details.category_slug, details.category_name) == (
        1,
        "cleaning",
        "Home Cleaning",
    )
    assert [(r.code, r.price.amount) for r in details.rate_cards] == [
        ("CLN-1BHK", Decimal("3499.00")),
        ("CLN-2BHK", Decimal("4499.00")),
    ]
    assert (details.pincode, details.serviceable) == (None, None)


@pytest.mark.parametrize(
    ("pincode", "serviceable", "codes"),
    [("560034", True, ["CLN-1BHK", "CLN-2BHK"]), ("400050", False, []), ("110017", True, [])],
)
async def test_service_details_at_a_pincode_list_what_is_offered_there(
    catalog: InMemoryCatalogReader, pincode: str, serviceable: bool, codes: list[str]
) -> None:
    query = GetSubcategoryDetailsQuery(subcategory_id=10, pincode=pincode)
    details = await GetSubcategoryDetails(catalog).execute(query)
    assert (details.pincode, details.serviceable) == (pincode, serviceable)
    assert [r.code for r in details.rate_cards] == codes


async def test_service_details_are_refused_when_malformed_unknown_or_inactive(
    catalog: InMemoryCatalogReader,
) -> None:
    handler = GetSubcategoryDetails(catalog)
    with pytest.raises(InvalidPincode):
        await handler.execute(GetSubcategoryDetailsQuery(subcategory_id=10, pincode="5600345"))
    assert catalog.calls == 0
    for subcategory_id in (999, 30, 40):
        with pytest.raises(SubcategoryNotFound):
            await handler.execute(GetSubcategoryDetailsQuery(subcategory_id=subcategory_id))
