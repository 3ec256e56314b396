"""Bookings and their items."""

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, String, Table, Text

from adapters.persistence.tables.base import CURRENCY, MONEY, enum_check, metadata, timestamps
from adapters.persistence.types import StrEnumType, UtcDateTime
from domain.booking.entities import BookingStatus, CancelledBy, PaymentMethod, PaymentStatus

bookings = Table(
    "bookings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(20), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("address_id", Integer, ForeignKey("addresses.id", ondelete="RESTRICT"), nullable=False),
    Column("pincode", String(6), ForeignKey("pincodes.pincode", ondelete="RESTRICT"), nullable=False),
    Column("provider_id", Integer, ForeignKey("providers.id", ondelete="SET NULL"), nullable=True),
    Column("status", StrEnumType(BookingStatus), nullable=False),
    Column("slot_start", UtcDateTime(), nullable=False),
    Column("slot_end", UtcDateTime(), nullable=False),
    Column("subtotal", MONEY, nullable=False),
    Column("discount", MONEY, nullable=False),
    Column("tax", MONEY, nullable=False),
    Column("total", MONEY, nullable=False),
    Column("currency", CURRENCY, nullable=False, server_default="INR"),
    Column("payment_method", StrEnumType(PaymentMethod), nullable=False),
    Column("payment_status", StrEnumType(PaymentStatus), nullable=False),
    Column("notes", Text, nullable=False),
    Column("confirmed_at", UtcDateTime(), nullable=True),
    Column("started_at", UtcDateTime(), nullable=True),
    Column("completed_at", UtcDateTime(), nullable=True),
    Column("cancelled_at", UtcDateTime(), nullable=True),
    Column("cancelled_by", StrEnumType(CancelledBy), nullable=True),
    Column("cancellation_reason", Text, nullable=True),
    Column("refund_amount", MONEY, nullable=True),
    Column("refund_currency", CURRENCY, nullable=True),
    Column("refund_rule", String(60), nullable=True),
    Column("rating", Integer, nullable=True),
    Column("rating_comment", Text, nullable=True),
    Column("rated_at", UtcDateTime(), nullable=True),
    Column("reschedule_count", Integer, nullable=False, server_default="0"),
    *timestamps(),
    enum_check("status", BookingStatus),
    enum_check("payment_method", PaymentMethod),
    enum_check("payment_status", PaymentStatus),
    CheckConstraint(
        "cancelled_by IS NULL OR cancelled_by IN ({})".format(", ".join(f"'{c.value}'" for c in CancelledBy)),
        name="cancelled_by_allowed",
    ),
    CheckConstraint("slot_end > slot_start", name="slot_order"),
    CheckConstraint(
        "subtotal >= 0 AND discount >= 0 AND tax >= 0 AND total >= 0", name="amounts_not_negative"
    ),
    # Within half a paisa: SQLite stores NUMERIC as floating point.
    CheckConstraint("ABS(total - (subtotal - discount + tax)) < 0.005", name="total_adds_up"),
    CheckConstraint(
        "(refund_amount IS NULL AND refund_currency IS NULL)"
        " OR (refund_amount >= 0 AND refund_amount <= total AND refund_currency = currency)",
        name="refund_within_total",
    ),
    CheckConstraint(
        "status NOT IN ('cancelled', 'no_show') OR (cancelled_at IS NOT NULL AND refund_amount IS NOT NULL)",
        name="cancellation_recorded",
    ),
    CheckConstraint("status <> 'completed' OR completed_at IS NOT NULL", name="completion_recorded"),
    CheckConstraint(
        "rating IS NULL OR (rating >= 1 AND rating <= 5 AND status = 'completed')", name="rating_valid"
    ),
    CheckConstraint("reschedule_count >= 0", name="reschedules_not_negative"),
    Index(None, "user_id", "slot_start"),
    Index(None, "provider_id", "slot_start"),
    Index(None, "status", "slot_start"),
    Index(None, "pincode", "slot_start"),
)

booking_items = Table(
    "booking_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("booking_id", Integer, ForeignKey("bookings.id", ondelete="CASCADE"), nullable=False),
    Column("rate_card_id", Integer, ForeignKey("rate_cards.id", ondelete="RESTRICT"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("unit_price", MONEY, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("line_total", MONEY, nullable=False),
    Column("currency", CURRENCY, nullable=False, server_default="INR"),
    CheckConstraint("quantity >= 1 AND quantity <= 100", name="quantity_range"),
    CheckConstraint(
        "unit_price >= 0 AND ABS(line_total - unit_price * quantity) < 0.005", name="line_total_adds_up"
    ),
    Index(None, "booking_id"),
    Index(None, "rate_card_id"),
)


booking_day_sequences = Table(
    "booking_day_sequences",
    metadata,
    Column("day", String(8), primary_key=True),
    Column("last_value", Integer, nullable=False),
    CheckConstraint("last_value >= 1", name="positive"),
)
