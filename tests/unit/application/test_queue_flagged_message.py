"""A chat message flagged for human attention joins the priority queue, scored by the priority policy."""

from datetime import UTC, datetime, timedelta

import pytest

from application.complaint.commands.queue_flagged_message import (
    MessageNotFound,
    QueueFlaggedMessage,
    QueueFlaggedMessageHandler,
)
from domain.complaint.policy import FLAGGED_MESSAGE_POINTS, SERVICE_LEVELS
from domain.complaint.values import Priority
from domain.shared.errors import InvalidValue
from tests.complaint_fakes import InMemoryMessageQueue
from tests.fakes import FakeClock

NOW = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)


class Uow:
    def __init__(self) -> None:
        self.commits = 0

    async def commit(self) -> None:
        self.commits += 1

    async def rollback(self) -> None:  # pragma: no cover - not used
        pass


def world() -> tuple[InMemoryMessageQueue, Uow, QueueFlaggedMessageHandler]:
    queue, uow = InMemoryMessageQueue(messages={7, 8}), Uow()
    return queue, uow, QueueFlaggedMessageHandler(queue, uow, FakeClock(NOW))


async def test_an_angry_urgent_message_is_scored_due_by_its_level_and_queued() -> None:
    queue, uow, handler = world()
    view = await handler.execute(
        QueueFlaggedMessage(
            message_id=7, reason="asked for a human", text="Water leak, come URGENTLY!", sentiment=-0.8
        )
    )
    assert view.factors == [
        ("flagged", "asked for a human", FLAGGED_MESSAGE_POINTS),
        ("sentiment", "-0.80", 20),
        ("urgency_words", "leak, urgently", 10),
    ]
    assert (view.score, view.level) == (60, "high")
    assert view.due_at == NOW + SERVICE_LEVELS[Priority.HIGH].first_response
    entry = queue.entries[7]
    assert (entry["item_type"], entry["score"], entry["level"], entry["status"]) == (
        "message",
        60,
        "high",
        "waiting",
    )
    assert entry["due_at"] == NOW + timedelta(hours=4)
    assert queue.flagged == {7}
    assert uow.commits == 1


async def test_a_calm_message_ranks_below_an_angry_one() -> None:
    _queue, _, handler = world()
    calm = await handler.execute(QueueFlaggedMessage(message_id=8, reason="low confidence", sentiment=0.4))
    angry = await handler.execute(QueueFlaggedMessage(message_id=7, reason="complaint", sentiment=-1.0))
    assert (calm.score, calm.level) == (FLAGGED_MESSAGE_POINTS, "low")
    assert angry.score > calm.score
    assert calm.due_at > angry.due_at


async def test_unknown_messages_and_bad_sentiment_are_refused_and_nothing_is_queued() -> None:
    queue, uow, handler = world()
    with pytest.raises(MessageNotFound):
        await handler.execute(QueueFlaggedMessage(message_id=404, reason="x"))
    with pytest.raises(InvalidValue):
        await handler.execute(QueueFlaggedMessage(message_id=7, reason="x", sentiment=-3.0))
    assert (queue.entries, uow.commits) == ({}, 0)
