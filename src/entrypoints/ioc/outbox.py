"""Outbox delivery: the SQL store, the sender (a log line until a real provider exists), the use case."""

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.notify.log_sender import LogMessageSender
from adapters.persistence.outbox_store import SqlaBookingStates, SqlaOutboxStore
from application.common.ports import Clock
from application.outbox.commands.deliver_outbox import DeliverOutbox
from application.outbox.ports import MessageSender, OutboxStore


class OutboxProvider(Provider):
    scope = Scope.APP

    @provide
    def store(self, engine: AsyncEngine) -> OutboxStore:
        return SqlaOutboxStore(engine)

    @provide
    def sender(self) -> MessageSender:
        return LogMessageSender()

    @provide(scope=Scope.REQUEST)
    def deliver_outbox(
        self, store: OutboxStore, sender: MessageSender, clock: Clock, engine: AsyncEngine
    ) -> DeliverOutbox:
        return DeliverOutbox(store, sender, clock, bookings=SqlaBookingStates(engine))
