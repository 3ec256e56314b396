"""Catalog reads are cacheable by clients (ETag, Cache-Control, 304) and served from the shared cache."""

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]

PATHS = [
    "/api/v1/services/categories",
    "/api/v1/services/categories/1/subcategories",
    "/api/v1/services/subcategories/1/rate-cards?pincode=560034",
    "/api/v1/services/search?q=geyser",
]


@pytest.mark.parametrize("path", PATHS)
async def test_catalog_read_is_not_resent_when_the_client_holds_the_same_etag(
    client: Client, path: str
) -> None:
    first = await client.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert first.headers["cache-control"] == "public, max-age=60"
    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert (await client.get(path, headers={"If-None-Match": f'W/"other", W/{etag}'})).status_code == 304
    assert (await client.get(path, headers={"If-None-Match": "*"})).status_code == 304


async def test_different_representations_get_different_etags_when_read(client: Client) -> None:
    here = await client.get("/api/v1/services/subcategories/1/rate-cards", params={"pincode": "560034"})
    nowhere = await client.get("/api/v1/services/subcategories/1/rate-cards", params={"pincode": "999999"})
    assert here.headers["etag"] != nowhere.headers["etag"]
    stale = await client.get(
        "/api/v1/services/subcategories/1/rate-cards",
        params={"pincode": "999999"},
        headers={"If-None-Match": here.headers["etag"]},
    )
    assert stale.status_code == 200
    assert stale.json()["serviceable"] is False


async def test_second_read_is_a_cache_hit_when_counted_by_the_process(client: Client) -> None:
    before = (await client.get("/health/cache")).json()
    await client.get("/api/v1/services/categories/2/subcategories")
    await client.get("/api/v1/services/categories/2/subcategories")
    after = (await client.get("/health/cache")).json()
    assert after["hits"] >= before["hits"] + 1
    assert after["hits"] + after["misses"] >= before["hits"] + before["misses"] + 2
    assert 0.0 <= after["hitRate"] <= 1.0


async def test_problem_answers_carry_no_cache_validators_when_the_id_is_unknown(client: Client) -> None:
    response = await client.get("/api/v1/services/categories/999999/subcategories")
    assert response.status_code == 404
    assert "etag" not in response.headers
