import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.common.errors import InvalidInput
from application.common.pagination import MAX_LIMIT, PageRequest, paginate


@given(st.lists(st.integers(), max_size=300), st.integers(min_value=1, max_value=MAX_LIMIT))
def test_walking_the_pages_returns_every_item_once_in_order_when_following_next_offset(
    items: list[int], limit: int
) -> None:
    seen: list[int] = []
    offset: int | None = 0
    while offset is not None:
        page, total, offset = paginate(items, PageRequest(limit=limit, offset=offset))
        assert total == len(items)
        assert len(page) <= limit
        seen.extend(page)
    assert seen == items


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (MAX_LIMIT + 1, 0), (10, -1)])
def test_page_request_refuses_out_of_range_values_when_built(limit: int, offset: int) -> None:
    with pytest.raises(InvalidInput):
        PageRequest(limit=limit, offset=offset)


def test_offset_past_the_end_gives_an_empty_last_page_when_requested() -> None:
    assert paginate([1, 2, 3], PageRequest(limit=2, offset=10)) == ([], 3, None)
