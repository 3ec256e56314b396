"""Imperative mapping of the pure domain classes onto the tables. Call `map_tables()` once per process.

Children inside an aggregate load with `selectin` (Booking.items, Complaint.updates, Customer.addresses,
Staff.role and Role.permissions); nothing else is reachable by lazy loading.
"""

from sqlalchemy.orm import composite, registry, relationship

from adapters.persistence import tables as t
from domain.booking.entities import Booking, BookingItem
from domain.booking.reference import BookingReference
from domain.catalog.entities import Category, RateCard, Subcategory
from domain.complaint.entities import Complaint, ComplaintUpdate
from domain.conversation.entities import Conversation, Message
from domain.customer.entities import Address, Customer
from domain.provider.entities import Provider, WorkingHours
from domain.shared.email import Email
from domain.shared.money import Money
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot
from domain.staff.entities import Permission, Role, Staff

mapper_registry = registry(metadata=t.metadata)
_mapped = False


def _all_none(*values: object) -> bool:
    return all(v is None for v in values)


def _first_none(first: object, *_rest: object) -> bool:
    return first is None


def _map_catalog() -> None:
    mapper_registry.map_imperatively(Category, t.categories)
    mapper_registry.map_imperatively(Subcategory, t.subcategories)
    rc = t.rate_cards.c
    mapper_registry.map_imperatively(
        RateCard,
        t.rate_cards,
        properties={
            "_price_amount": rc.price,
            "_currency": rc.currency,
            "_strike_amount": rc.strike_price,
            "_strike_currency": rc.strike_currency,
            "price": composite(Money, rc.price, rc.currency),
            "strike_price": composite(Money, rc.strike_price, rc.strike_currency, return_none_on=_first_none),
        },
    )


def _map_people() -> None:
    u, a, p = t.users.c, t.addresses.c, t.providers.c
    mapper_registry.map_imperatively(
        Address,
        t.addresses,
        properties={
            "customer_id": a.user_id,
            "_pincode": a.pincode,
            "pincode": composite(Pincode, a.pincode),
        },
    )
    mapper_registry.map_imperatively(
        Customer,
        t.users,
        properties={
            "_email": u.email,
            "_phone": u.phone,
            "email": composite(Email, u.email, return_none_on=_all_none),
            "phone": composite(PhoneNumber, u.phone, return_none_on=_all_none),
            "addresses": relationship(Address, lazy="selectin", order_by=a.id, cascade="all, delete-orphan"),
        },
    )
    mapper_registry.map_imperatively(
        Provider,
        t.providers,
        properties={
            "_phone": p.phone,
            "_start": p.work_start_minute,
            "_end": p.work_end_minute,
            "_days": p.working_days,
            "phone": composite(PhoneNumber, p.phone),
            "hours": composite(WorkingHours, p.work_start_minute, p.work_end_minute, p.working_days),
        },
        exclude_properties=["email"],
    )


RAW_BOOKING_COLUMNS = (
    "reference",
    "pincode",
    "slot_start",
    "slot_end",
    "currency",
    "subtotal",
    "discount",
    "tax",
    "total",
)


def _map_work() -> None:
    b, i = t.bookings.c, t.booking_items.c
    mapper_registry.map_imperatively(
        BookingItem,
        t.booking_items,
        properties={
            "_unit_price": i.unit_price,
            "_line_total": i.line_total,
            "_currency": i.currency,
            "unit_price": composite(Money, i.unit_price, i.currency),
            "line_total": composite(Money, i.line_total, i.currency),
        },
    )
    money = {name: composite(Money, b[name], b.currency) for name in ("subtotal", "discount", "tax", "total")}
    mapper_registry.map_imperatively(
        Booking,
        t.bookings,
        properties={
            **{
                f"_{name}": b[name] for name in ("reference", "pincode", "slot_start", "slot_end", "currency")
            },
            **{f"_{name}": b[name] for name in ("subtotal", "discount", "tax", "total")},
            "_refund": b.refund_amount,
            "_refund_currency": b.refund_currency,
            "customer_id": b.user_id,
            "reference": composite(BookingReference, b.reference),
            "pincode": composite(Pincode, b.pincode),
            "slot": composite(TimeSlot, b.slot_start, b.slot_end),
            **money,
            "refund_amount": composite(Money, b.refund_amount, b.refund_currency, return_none_on=_first_none),
            "items": relationship(BookingItem, lazy="selectin", order_by=i.id, cascade="all, delete-orphan"),
        },
    )


def _map_care() -> None:
    c, u = t.complaints.c, t.complaint_updates.c
    mapper_registry.map_imperatively(ComplaintUpdate, t.complaint_updates)
    mapper_registry.map_imperatively(
        Complaint,
        t.complaints,
        properties={
            "customer_id": c.user_id,
            "updates": relationship(
                ComplaintUpdate, lazy="selectin", order_by=(u.created_at, u.id), cascade="all, delete-orphan"
            ),
        },
    )


def _map_staff() -> None:
    s = t.staff.c
    mapper_registry.map_imperatively(Permission, t.permissions)
    mapper_registry.map_imperatively(
        Role,
        t.roles,
        properties={
            "permissions": relationship(
                Permission, secondary=t.role_permissions, lazy="selectin", order_by=t.permissions.c.code
            )
        },
    )
    mapper_registry.map_imperatively(
        Staff,
        t.staff,
        properties={
            "_email": s.email,
            "_phone": s.phone,
            "_role_id": s.role_id,
            "email": composite(Email, s.email),
            "phone": composite(PhoneNumber, s.phone, return_none_on=_all_none),
            "role": relationship(Role, lazy="selectin"),
        },
    )


def _map_conversations() -> None:
    mapper_registry.map_imperatively(
        Conversation, t.conversations, properties={"customer_id": t.conversations.c.user_id}
    )
    mapper_registry.map_imperatively(Message, t.messages)


def map_tables() -> None:
    """Map every aggregate and entity. Idempotent, so app, worker, CLI, tests and alembic can all call it."""
    global _mapped  # noqa: PLW0603 - mapping is process-wide state in SQLAlchemy itself
    if _mapped:
        return
    _map_catalog()
    _map_people()
    _map_work()
    _map_care()
    _map_staff()
    _map_conversations()
    _mapped = True
