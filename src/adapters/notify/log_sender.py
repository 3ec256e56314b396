"""The embedded profile's message sender: one log line per message instead of a real email/SMS provider."""

from typing import Any

import structlog

from application.outbox.ports import OutgoingMessage

log = structlog.get_logger(__name__)


def mask_destination(to: str) -> str:
    """`a***@example.com` for an email, `+91******3210` for a phone number: enough to tell messages apart."""
    if "@" in to:
        local, _, domain = to.partition("@")
        return f"{local[:1]}***@{domain}"
    keep = 4 if len(to) > 6 else 1
    return to[:3] + "*" * max(len(to) - 3 - keep, 0) + to[-keep:] if len(to) > 3 + keep else "*" * len(to)


class LogMessageSender:
    """Logs channel, masked destination, template and the idempotency key; never the data (it may hold a
    reset code or a token). A real provider adapter would pass `idempotency_key` on its API call."""

    def __init__(self, logger: Any = None) -> None:
        self._log = logger if logger is not None else log
        self.delivered = 0

    async def send(self, message: OutgoingMessage) -> None:
        self.delivered += 1
        self._log.info(
            "notify.delivered",
            channel=message.channel,
            to=mask_destination(message.to),
            template=message.template,
            idempotency_key=message.idempotency_key,
        )
