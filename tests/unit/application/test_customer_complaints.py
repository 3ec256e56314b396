"""The customer's complaint use cases with in-memory fakes: filing (priority, SLA, queue, notice),
reading only one's own, writing on the timeline, reopening within the window."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from application.common.errors import InvalidInput
from application.complaint.commands.add_customer_update import AddCustomerUpdate, AddCustomerUpdateHandler
from application.complaint.commands.file_complaint import FileComplaint, FileComplaintHandler
from application.complaint.commands.reopen_complaint import ReopenComplaint, ReopenComplaintHandler
from application.complaint.errors import ComplaintBookingNotFound, ComplaintNotFound
from application.complaint.ports import ComplaintContact
from application.complaint.queries.get_my_complaint import GetMyComplaint
from application.complaint.queries.list_my_complaint_updates import ListMyComplaintUpdates
from application.complaint.queries.list_my_complaints import ListMyComplaints, ListMyComplaintsHandler
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintId, UpdateAuthor
from domain.complaint.errors import ComplaintClosed, ReopenWindowClosed
from domain.complaint.policy import REOPEN_WINDOW
from domain.shared.status_machine import TransitionNotAllowed
from tests.complaint_fakes import (
    FakeComplaintFacts,
    FakeComplaintUow,
    FakeSentiment,
    InMemoryComplaintRepository,
    RecordingNotifier,
)
from tests.fakes import FakeClock

NOW = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)
ME, OTHER = CustomerActor(customer_id=7, session="s"), CustomerActor(customer_id=8, session="t")


class World:
    def __init__(self, sentiment: float = -0.5) -> None:
        self.repo = InMemoryComplaintRepository()
        self.uow = FakeComplaintUow(self.repo)
        self.clock = FakeClock(NOW)
        self.facts = FakeComplaintFacts(
            bookings={(7, 100): Decimal("3200.00"), (8, 200): Decimal("999.00")},
            contacts={
                7: ComplaintContact("Asha", "asha@example.in", None),
                8: ComplaintContact("Ravi", None, None),
            },
        )
        self.sentiment = FakeSentiment(score=sentiment)
        self.notifier = RecordingNotifier()

    def filer(self) -> FileComplaintHandler:
        return FileComplaintHandler(
            self.repo, self.facts, self.sentiment, self.notifier, self.uow, self.clock
        )

    async def file(self, actor: CustomerActor = ME, **values: object) -> int:
        fields: dict[str, object] = {
            "type": "damage",
            "subject": "Scratched floor",
            "description": "Deep marks.",
        }
        fields.update(values)
        view = await self.filer().execute(FileComplaint(**fields), actor=actor)  # type: ignore[arg-type]
        return view.id


async def test_filing_scores_sets_sla_queues_and_notifies_in_one_commit() -> None:
    world = World(sentiment=-0.8)
    view = await world.filer().execute(
        FileComplaint(
            type="damage", subject="Broken tap", description="Water leak everywhere", booking_id=100
        ),
        actor=ME,
    )
    stored = world.repo.committed[view.id]
    factors = {f.name: f.points for f in stored.priority_factors}
    assert factors == {
        "type": 35,
        "sentiment": 20,
        "booking_value": 7,
        "recent_complaints": 0,
        "urgency_words": 5,
    }
    assert (stored.priority_score, view.priority) == (67, "high")
    assert stored.first_response_due_at == NOW + timedelta(hours=4)
    assert stored.resolution_due_at == NOW + timedelta(hours=24)
    assert stored.sentiment == -0.8
    assert world.sentiment.seen == ["Broken tap. Water leak everywhere"]
    assert world.repo.queue[view.id].score == 67
    assert world.repo.queue[view.id].due_at == NOW + timedelta(hours=4)
    [notice] = world.notifier.published
    assert (notice.channel, notice.to, notice.template) == ("email", "asha@example.in", "complaint_received")
    assert world.uow.commits == 1
    assert [u.message for u in view.updates] == ["Complaint received"]


async def test_recent_complaints_raise_the_next_complaints_priority() -> None:
    world = World(sentiment=0.0)
    first = await world.file(type="billing")
    await world.file(type="billing")
    third = await world.file(type="billing")
    scores = [world.repo.committed[i].priority_score for i in (first, third)]
    assert scores == [15, 22]


async def test_filing_refused_when_the_booking_is_someone_elses_and_nothing_is_stored() -> None:
    world = World()
    with pytest.raises(ComplaintBookingNotFound):
        await world.file(booking_id=200)
    with pytest.raises(ComplaintBookingNotFound):
        await world.file(booking_id=999)
    assert world.repo.committed == {}
    assert world.notifier.published == []


async def test_filing_refused_when_type_is_unknown() -> None:
    world = World()
    with pytest.raises(InvalidInput) as caught:
        await world.file(type="rudeness")
    assert caught.value.field == "type"


@pytest.mark.parametrize("failure", ["down", "model_error"])
async def test_filing_counts_sentiment_as_neutral_when_the_sentiment_service_fails(failure: str) -> None:
    world = World()
    setattr(world.sentiment, failure, True)
    complaint_id = await world.file(type="other")
    stored = world.repo.committed[complaint_id]
    assert stored.sentiment is None
    assert {f.name: f.detail for f in stored.priority_factors}["sentiment"] == "unknown"


async def test_filing_queues_no_notice_when_the_customer_has_no_contact() -> None:
    world = World()
    await world.file(actor=OTHER)
    assert world.notifier.published == []


async def test_customer_reads_only_their_own_complaints() -> None:
    world = World()
    mine = await world.file()
    theirs = await world.file(actor=OTHER)
    page = await ListMyComplaintsHandler(world.repo).execute(ListMyComplaints(), actor=ME)
    assert [c.id for c in page.items] == [mine]
    assert (await GetMyComplaint(world.repo).execute(mine, actor=ME)).id == mine
    with pytest.raises(ComplaintNotFound):
        await GetMyComplaint(world.repo).execute(theirs, actor=ME)
    with pytest.raises(ComplaintNotFound):
        await ListMyComplaintUpdates(world.repo).execute(theirs, actor=ME)


async def test_list_filters_by_status_and_pages() -> None:
    world = World()
    ids = [await world.file() for _ in range(3)]
    page = await ListMyComplaintsHandler(world.repo).execute(ListMyComplaints(limit=2), actor=ME)
    assert (page.total, page.next_offset, len(page.items)) == (3, 2, 2)
    resolved = await ListMyComplaintsHandler(world.repo).execute(
        ListMyComplaints(status="resolved"), actor=ME
    )
    assert resolved.total == 0
    assert set(ids) >= {c.id for c in page.items}
    with pytest.raises(InvalidInput):
        await ListMyComplaintsHandler(world.repo).execute(ListMyComplaints(status="lost"), actor=ME)
    with pytest.raises(InvalidInput):
        await ListMyComplaintsHandler(world.repo).execute(ListMyComplaints(limit=0), actor=ME)


async def test_timeline_never_shows_internal_notes_or_assignments() -> None:
    world = World()
    complaint_id = await world.file()
    complaint = world.repo.committed[complaint_id]
    complaint.assign(3, now=NOW, by_staff_id=1)
    complaint.add_update(
        "Provider has a history", now=NOW, author=UpdateAuthor.STAFF, staff_id=1, internal=True
    )
    complaint.add_update("Sorry, we are on it", now=NOW, author=UpdateAuthor.STAFF, staff_id=1)
    page = await ListMyComplaintUpdates(world.repo).execute(complaint_id, actor=ME)
    assert [u.message for u in page.items] == ["Complaint received", "Sorry, we are on it"]
    assert {u.author for u in page.items} == {"you", "Nexora support"}


async def test_customer_writes_on_own_complaint_but_not_anyone_elses_or_a_closed_one() -> None:
    world = World()
    mine = await world.file()
    theirs = await world.file(actor=OTHER)
    handler = AddCustomerUpdateHandler(world.repo, world.uow, world.clock)
    view = await handler.execute(AddCustomerUpdate(complaint_id=mine, message="Photos attached"), actor=ME)
    assert (view.author, view.message) == ("you", "Photos attached")
    assert world.repo.committed[mine].first_responded_at is None
    with pytest.raises(ComplaintNotFound):
        await handler.execute(AddCustomerUpdate(complaint_id=theirs, message="hi"), actor=ME)
    complaint = world.repo.committed[mine]
    complaint.resolve("Refunded", now=NOW, staff_id=1)
    complaint.close(now=NOW, staff_id=1)
    with pytest.raises(ComplaintClosed):
        await handler.execute(AddCustomerUpdate(complaint_id=mine, message="still there?"), actor=ME)


async def test_reopen_works_within_the_window_and_puts_it_back_on_the_queue() -> None:
    world = World()
    complaint_id = await world.file()
    complaint = world.repo.committed[complaint_id]
    complaint.resolve("Replaced the tile", now=NOW, staff_id=1)
    world.repo.queue[complaint_id].status = "done"
    world.clock.advance(REOPEN_WINDOW - timedelta(minutes=1))
    handler = ReopenComplaintHandler(world.repo, world.uow, world.clock)
    view = await handler.execute(ReopenComplaint(complaint_id=complaint_id, reason="It cracked"), actor=ME)
    assert view.status == "in_progress"
    assert world.repo.queue[complaint_id].status == "waiting"
    assert world.repo.committed[ComplaintId(complaint_id)].resolution_due_at > world.clock.now()
    assert world.repo.locked == [complaint_id]  # loaded under its row lock


async def test_customer_writes_load_the_complaint_under_its_lock() -> None:
    world = World()
    complaint_id = await world.file()
    handler = AddCustomerUpdateHandler(world.repo, world.uow, world.clock)
    await handler.execute(AddCustomerUpdate(complaint_id=complaint_id, message="Any news?"), actor=ME)
    assert world.repo.locked == [complaint_id]


async def test_reopening_a_complaint_that_is_not_resolved_says_so() -> None:
    world = World()
    complaint_id = await world.file()
    handler = ReopenComplaintHandler(world.repo, world.uow, world.clock)
    with pytest.raises(TransitionNotAllowed) as caught:
        await handler.execute(ReopenComplaint(complaint_id=complaint_id), actor=ME)
    assert str(caught.value) == "only a resolved complaint can be reopened; this one is open"
    assert "final status" not in caught.value.message


async def test_reopen_refused_after_the_window_when_not_resolved_and_for_others() -> None:
    world = World()
    complaint_id = await world.file()
    handler = ReopenComplaintHandler(world.repo, world.uow, world.clock)
    with pytest.raises(TransitionNotAllowed):
        await handler.execute(ReopenComplaint(complaint_id=complaint_id), actor=ME)
    world.repo.rollback()  # the failed request's unit of work ends
    world.repo.committed[complaint_id].resolve("Done", now=NOW, staff_id=1)
    with pytest.raises(ComplaintNotFound):
        await handler.execute(ReopenComplaint(complaint_id=complaint_id), actor=OTHER)
    world.clock.advance(REOPEN_WINDOW + timedelta(minutes=1))
    with pytest.raises(ReopenWindowClosed):
        await handler.execute(ReopenComplaint(complaint_id=complaint_id), actor=ME)
    assert world.repo.committed[complaint_id].status.value == "resolved"
