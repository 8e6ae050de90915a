"""The sandbox's database: SQLAlchemy Core tables that run on SQLite (demo) and PostgreSQL.

Taxpayers are one table for persons and organisations: a sole trader is one row with both a PESEL
and a NIP, so a question by either identifier reaches the same accounts.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
)

from integrations.sqldb import make_engine  # noqa: F401 - the sandbox's engines are made like the bot's

metadata = MetaData()

taxpayers = Table(
    "taxpayers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # person | organisation
    Column("pesel", String(11), unique=True),
    Column("nip", String(10), unique=True),
    Column("regon", String(14)),
    Column("name", String(200), nullable=False),
    Column("street", String(200), nullable=False),
    Column("postal_code", String(6), nullable=False),
    Column("city", String(100), nullable=False),
    Column("tax_form", String(200), nullable=False),
    Column("tax_office", String(200), nullable=False),
    Column("email", String(254)),
    Column("bank_accounts", JSON, nullable=False),
    Column("micro_account", String(34)),
    Column("role", String(64)),
)

# One row per person who ever had a telePIN; only the Argon2id hash is stored.
telepins = Table(
    "telepins",
    metadata,
    Column("pesel", String(11), primary_key=True),
    Column("pin_hash", String(200)),
    Column("state", String(16), nullable=False),  # active | blocked | inactive
    Column("failures", Integer, nullable=False, default=0),
)

representations = Table(
    "representations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("representative_pesel", String(11), nullable=False, index=True),
    Column("principal_id", Integer, ForeignKey("taxpayers.id"), nullable=False),
    Column("basis", String(8), nullable=False),  # PPO-1 | UKO
    Column("scope", JSON, nullable=False),  # list of tax codes
)

tax_accounts = Table(
    "tax_accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("taxpayer_id", Integer, ForeignKey("taxpayers.id"), nullable=False, index=True),
    Column("tax", String(8), nullable=False),
    Column("arrears", BigInteger, nullable=False),
    Column("overpayment", BigInteger, nullable=False),
    Column("interest_due", BigInteger, nullable=False),
)

payments = Table(
    "payments",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("taxpayer_id", Integer, ForeignKey("taxpayers.id"), nullable=False, index=True),
    Column("tax", String(8), nullable=False),
    Column("date", Date, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("booked_to", String(200), nullable=False),
    Column("interest", BigInteger, nullable=False),
    Column("reminder_costs", BigInteger, nullable=False),
)

refunds = Table(
    "refunds",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("taxpayer_id", Integer, ForeignKey("taxpayers.id"), nullable=False, index=True),
    Column("tax", String(8), nullable=False),
    Column("kind", String(16), nullable=False),  # refund | overpayment
    Column("amount", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),  # pending | approved | paid
    Column("period", String(200), nullable=False),
    Column("requested_on", Date, nullable=False),
    Column("approved_on", Date),
    Column("paid_on", Date),
    Column("target_account", String(34)),
)

enforcement = Table(
    "enforcement",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("taxpayer_id", Integer, ForeignKey("taxpayers.id"), nullable=False, index=True),
    Column("tax", String(8), nullable=False),
    Column("kind", String(24), nullable=False),  # reminder | enforcement_title | rnp_entry
    Column("number", String(60), nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("costs", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),  # open | settled
)

# --- visit booking (Umów wizytę) ---

offices = Table(
    "offices",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("city", String(100), nullable=False),
    Column("street", String(200), nullable=False),
    Column("postal_code", String(6), nullable=False),
    Column("address_city", String(100), nullable=False),
    Column("slot_minutes", Integer, nullable=False),
    Column("hours", JSON, nullable=False),  # {"1": "08:00-18:00", …} by ISO weekday
    Column("matters", JSON, nullable=False),  # matter codes, in catalogue order
    Column("closed_days", JSON, nullable=False),  # ISO dates beyond the public holidays
    Column("aliases", JSON, nullable=False),
)

matters = Table(
    "matters",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("position", Integer, nullable=False),
)

bookings = Table(
    "bookings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    # The client's id of the request: a repeated request finds its booking instead of making another.
    Column("request_id", String(64), unique=True),
    Column("office_id", String(16), ForeignKey("offices.id"), nullable=False),
    Column("matter", String(40), ForeignKey("matters.code"), nullable=False),
    Column("start_utc", DateTime, nullable=False),
    Column("end_utc", DateTime, nullable=False),
    Column("visitor_name", String(120), nullable=False),
    Column("email", String(254), nullable=False),
    Column("phone", String(20)),
    Column("status", String(16), nullable=False),  # booked | cancelled
    Column("created_utc", DateTime, nullable=False),
)

# One row per grid slot a live booking holds. The primary key is what makes a booking atomic: two
# transactions inserting the same (office, slot) cannot both commit, on SQLite or PostgreSQL.
booking_slots = Table(
    "booking_slots",
    metadata,
    Column("office_id", String(16), ForeignKey("offices.id"), primary_key=True),
    Column("slot_utc", DateTime, primary_key=True),
    Column("booking_id", Integer, ForeignKey("bookings.id"), nullable=False, index=True),
)

# Per-record seed facts that belong to no contract field (the as-of date of balances).
sandbox_meta = Table(
    "sandbox_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)


def reset_schema(engine: Engine) -> None:
    metadata.drop_all(engine)
    metadata.create_all(engine)
