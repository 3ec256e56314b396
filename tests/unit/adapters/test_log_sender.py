"""The embedded sender logs one line per message: destination masked, never the code or token."""

from typing import Any

from adapters.notify.log_sender import LogMessageSender, mask_destination
from application.outbox.ports import OutgoingMessage


def test_destination_is_masked_when_it_is_an_email_or_a_phone() -> None:
    assert mask_destination("asha.k@example.com") == "a***@example.com"
    assert mask_destination("+919876543210") == "+91******3210"


async def test_log_line_has_no_code_or_destination_when_a_reset_message_is_sent() -> None:
    message = OutgoingMessage(
        idempotency_key="outbox-7",
        channel="email",
        to="asha.k@example.com",
        template="password_reset",
        data={"token": "SECRET-CODE-991"},
    )
    logs: list[dict[str, Any]] = []

    class Recorder:
        def info(self, event: str, **fields: Any) -> None:
            logs.append({"event": event, **fields})

    await LogMessageSender(Recorder()).send(message)
    assert len(logs) == 1
    line = repr(logs)
    assert "SECRET-CODE-991" not in line
    assert "asha.k@" not in line
    assert logs[0]["idempotency_key"] == "outbox-7"
