"""Catalog and serviceability: categories, services, rate cards, pincodes and which rate card is offered
where."""

from sqlalchemy import JSON, Boolean, CheckConstraint, Column, ForeignKey, Index, Integer, String, Table, Text

from adapters.persistence.tables.base import MONEY, metadata, timestamps

categories = Table(
    "categories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("slug", String(80), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("description", Text, nullable=False),
    Column("icon", String(40), nullable=False, server_default=""),
    Column("sort_order", Integer, nullable=False, server_default="0"),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    Index(None, "is_active", "sort_order"),
)

subcategories = Table(
    "subcategories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("category_id", Integer, ForeignKey("categories.id", ondelete="RESTRICT"), nullable=False),
    Column("slug", String(100), nullable=False, unique=True),
    Column("name", String(150), nullable=False),
    Column("description", Text, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("inclusions", JSON, nullable=False),
    Column("exclusions", JSON, nullable=False),
    Column("keywords", JSON, nullable=False),
    Column("sort_order", Integer, nullable=False, server_default="0"),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    CheckConstraint("duration_minutes > 0 AND duration_minutes <= 10080", name="duration_range"),
    Index(None, "category_id", "is_active", "sort_order"),
)

rate_cards = Table(
    "rate_cards",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subcategory_id", Integer, ForeignKey("subcategories.id", ondelete="RESTRICT"), nullable=False),
    Column("code", String(60), nullable=False, unique=True),
    Column("name", String(150), nullable=False),
    Column("description", Text, nullable=False),
    Column("price", MONEY, nullable=False),
    Column("strike_price", MONEY, nullable=True),
    Column("currency", String(3), nullable=False, server_default="INR"),
    Column("strike_currency", String(3), nullable=True),
    Column("unit", String(40), nullable=False, server_default=""),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    CheckConstraint("price >= 0", name="price_not_negative"),
    CheckConstraint("strike_price IS NULL OR strike_price > price", name="strike_above_price"),
    CheckConstraint(
        "(strike_price IS NULL AND strike_currency IS NULL)"
        " OR (strike_price IS NOT NULL AND strike_currency = currency)",
        name="strike_currency_matches",
    ),
    Index(None, "subcategory_id", "is_active", "price"),
)

pincodes = Table(
    "pincodes",
    metadata,
    Column("pincode", String(6), primary_key=True),
    Column("locality", String(120), nullable=False),
    Column("city", String(80), nullable=False),
    Column("state", String(80), nullable=False),
    Column("is_serviceable", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    CheckConstraint("pincode >= '100000' AND pincode <= '999999'", name="pincode_format"),
    Index(None, "city"),
)

rate_card_pincodes = Table(
    "rate_card_pincodes",
    metadata,
    Column("rate_card_id", Integer, ForeignKey("rate_cards.id", ondelete="CASCADE"), primary_key=True),
    Column("pincode", String(6), ForeignKey("pincodes.pincode", ondelete="CASCADE"), primary_key=True),
    Index(None, "pincode", "rate_card_id"),
)
