"""A chat message flagged for human attention joins the ops priority queue (called by the assistant)."""

from datetime import datetime

import msgspec

from application.common.errors import NotFoundError
from application.common.ports import Clock, UnitOfWork
from application.complaint.ports import MessageQueue
from domain.complaint.policy import due_times
from domain.complaint.priority import assess_flagged_message


class MessageNotFound(NotFoundError):
    code = "message_not_found"

    def __init__(self, key: object) -> None:
        super().__init__("message", key)


class QueueFlaggedMessage(msgspec.Struct, frozen=True):
    message_id: int
    reason: str
    text: str = ""
    sentiment: float | None = None


class QueuedMessage(msgspec.Struct, frozen=True):
    message_id: int
    score: int
    level: str
    due_at: datetime
    factors: list[tuple[str, str, int]]


class QueueFlaggedMessageHandler:
    """Scores the message with the priority policy (a base for the flag, negative sentiment, urgency words in
    `text`), sets its due time to the first-response SLA of its level, queues it and commits. The queue
    orders it with complaints by score, then due time. MessageNotFound (404) for unknown ids; InvalidValue
    for a sentiment outside [-1, 1]. Queueing a message again refreshes its entry."""

    def __init__(self, queue: MessageQueue, uow: UnitOfWork, clock: Clock) -> None:
        self._queue, self._uow, self._clock = queue, uow, clock

    async def execute(self, cmd: QueueFlaggedMessage) -> QueuedMessage:
        now = self._clock.now()
        assessment = assess_flagged_message(cmd.text, cmd.sentiment, cmd.reason)
        due, _ = due_times(assessment.level, now)
        found = await self._queue.enqueue_message(
            cmd.message_id,
            score=assessment.score,
            level=assessment.level.value,
            due_at=due,
            reason=cmd.reason.strip() or "flagged for human attention",
            now=now,
        )
        if not found:
            raise MessageNotFound(cmd.message_id)
        await self._uow.commit()
        return QueuedMessage(
            message_id=cmd.message_id,
            score=assessment.score,
            level=assessment.level.value,
            due_at=due,
            factors=[(f.name, f.detail, f.points) for f in assessment.factors],
        )
