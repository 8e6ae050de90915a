"""The label sets of the NLU: what the caller wants (intent) and which queue knows about it (topic)."""

from __future__ import annotations

# balance: what do I owe / overpayment state; payments: was my payment booked; refund: where is my
# refund; agent: put me through to a person; other: anything else (information, procedures, e-US help).
INTENTS: tuple[str, ...] = ("balance", "payments", "refund", "agent", "other")

# Routing queues. eus = e-Urząd Skarbowy and telePIN help; general = no particular tax.
TOPICS: tuple[str, ...] = ("pit", "vat", "cit", "pcc_sd", "excise_customs", "enforcement", "eus", "general")

# The taxes a caller can name in a sentence (the slot fillers of the dataset).
TAX_TOPICS: tuple[str, ...] = ("pit", "vat", "cit", "pcc_sd", "excise_customs")
