"""The local Gemini server itself, as the embedder contract tests rely on it: deterministic embeddings of the
requested dimension, recorded requests, the API key check."""

import math

import pytest
from google import genai
from google.genai import errors, types

from tests.stubs.gemini_stub import GeminiStub


def client(stub: GeminiStub, key: str | None = None) -> genai.Client:
    return genai.Client(api_key=key or stub.api_key, http_options=types.HttpOptions(base_url=stub.base_url))


async def test_embeddings_are_unit_vectors_of_the_requested_dimension_and_the_same_for_the_same_text(
    gemini_stub: GeminiStub,
) -> None:
    config = types.EmbedContentConfig(output_dimensionality=16)
    first = await client(gemini_stub).aio.models.embed_content(
        model="gemini-embedding-001", contents=["AC repair", "plumbing"], config=config
    )
    again = await client(gemini_stub).aio.models.embed_content(
        model="gemini-embedding-001", contents=["AC repair"], config=config
    )

    vectors = [e.values or [] for e in first.embeddings or []]
    assert [len(v) for v in vectors] == [16, 16]
    assert math.isclose(math.fsum(x * x for x in vectors[0]), 1.0)
    assert vectors[0] != vectors[1]
    assert (again.embeddings or [])[0].values == vectors[0]
    request = gemini_stub.requests_for("batchEmbedContents")[0]
    assert request.path == "/v1/models/gemini-embedding-001:batchEmbedContents"
    assert [r["outputDimensionality"] for r in request.body["requests"]] == [16, 16]


async def test_scripted_errors_reach_the_client_with_their_status(gemini_stub: GeminiStub) -> None:
    gemini_stub.reply_error(503, "overloaded")

    with pytest.raises(errors.ServerError) as caught:
        await client(gemini_stub).aio.models.embed_content(model="gemini-embedding-001", contents=["x"])

    assert caught.value.code == 503


async def test_a_wrong_api_key_is_refused(gemini_stub: GeminiStub) -> None:
    with pytest.raises(errors.ClientError) as caught:
        await client(gemini_stub, key="wrong").aio.models.generate_content(model="m", contents="x")

    assert caught.value.code == 400
    assert gemini_stub.requests[0].header("x-goog-api-key") == "wrong"
