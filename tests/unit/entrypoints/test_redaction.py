import pytest
from hypothesis import given
from hypothesis import strategies as st

from entrypoints.observability import REDACTED, mask_phones, redact

mobiles = st.from_regex(r"[6-9][0-9]{9}", fullmatch=True)


def log(**event: object) -> dict[str, object]:
    return dict(redact(None, "info", dict(event)))


@given(mobiles, st.sampled_from(["", "+91", "+91 ", "+91-", "91", "0"]))
def test_mobile_is_masked_to_last_four_digits_when_written_with_any_prefix(mobile: str, prefix: str) -> None:
    masked = mask_phones(f"customer {prefix}{mobile} called")

    assert masked == f"customer ******{mobile[-4:]} called"
    assert mobile[:6] not in masked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9876543210", "******3210"),
        ("+919876543210", "******3210"),
        ("call 9876543210 or 8123456789", "call ******3210 or ******6789"),
        ("phone=09876543210;", "phone=******3210;"),
    ],
)
def test_mobile_is_masked_when_embedded_in_text(text: str, expected: str) -> None:
    assert mask_phones(text) == expected


@pytest.mark.parametrize("text", ["+91 98765 43210", "98765 43210", "+91-98765-43210"])
def test_mobile_is_masked_when_written_in_groups_of_five(text: str) -> None:
    assert mask_phones(f"call {text}") == "call ******3210"


@pytest.mark.parametrize(
    "text",
    ["pincode 560034", "5876543210", "order 98765432101", "amount 4499.00", "txn 1234567890", "2026-11-24"],
)
def test_text_is_unchanged_when_it_holds_no_indian_mobile(text: str) -> None:
    assert mask_phones(text) == text


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "new_password",
        "client_secret",
        "access_token",
        "Authorization",
        "api_key",
        "API-KEY",
        "cookie",
        "otp",
        "pincode_hash",
    ],
)
def test_value_is_redacted_when_key_is_sensitive(key: str) -> None:
    assert log(event="login", **{key: "hunter2"})[key] == REDACTED


def test_values_under_sensitive_keys_are_redacted_when_nested_in_dicts() -> None:
    event = log(event="request", request={"headers": {"Authorization": "Bearer abc", "accept": "json"}})

    assert event["request"] == {"headers": {"Authorization": REDACTED, "accept": "json"}}


def test_phones_are_masked_when_inside_lists_tuples_and_dicts() -> None:
    event = log(
        event="sms sent to 9876543210", to=["9876543210", ("+91 8123456789",)], user={"phone": "7000012345"}
    )

    assert event["event"] == "sms sent to ******3210"
    assert event["to"] == ["******3210", ["******6789"]]
    assert event["user"] == {"phone": "******2345"}


def test_harmless_values_are_kept_when_nothing_is_sensitive() -> None:
    event = log(
        event="booking created", booking_id=123, amount="4499.00", pincode="560034", ok=True, extra=None
    )

    assert event == {
        "event": "booking created",
        "booking_id": 123,
        "amount": "4499.00",
        "pincode": "560034",
        "ok": True,
        "extra": None,
    }


def test_processor_updates_the_event_dict_in_place_when_used_by_structlog() -> None:
    event = {"event": "otp sent", "otp": "123456", "phone": "9876543210"}

    returned = redact(None, "info", event)

    assert returned is event
    assert event == {"event": "otp sent", "otp": REDACTED, "phone": "******3210"}


def test_secrets_and_phones_never_reach_the_log_when_nested_deeply() -> None:
    event = log(
        event="webhook", payload={"a": {"b": {"c": {"d": {"password": "hunter2", "to": ["9876543210"]}}}}}
    )

    assert "hunter2" not in repr(event)
    assert "9876543210" not in repr(event)
