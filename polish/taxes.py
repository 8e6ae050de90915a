"""Polish tax names (spoken abbreviation and three cases) and the written form of what the bot says.

One owner for how a tax is named: the bot's voice ("podatku wat"), the chat ("podatku VAT") and the
agent's card ("PIT – podatek dochodowy od osób fizycznych") all read this table.
"""

from __future__ import annotations

import re

# Tax names: spoken abbreviation, nominative, genitive, locative.
TAXES: dict[str, tuple[str, str, str, str]] = {
    "PIT": ("pit", "podatek dochodowy od osób fizycznych", "podatku dochodowego od osób fizycznych",
            "podatku dochodowym od osób fizycznych"),
    "CIT": ("cit", "podatek dochodowy od osób prawnych", "podatku dochodowego od osób prawnych",
            "podatku dochodowym od osób prawnych"),
    "VAT": ("wat", "podatek od towarów i usług", "podatku od towarów i usług", "podatku od towarów i usług"),
    "PCC": ("pe ce ce", "podatek od czynności cywilnoprawnych", "podatku od czynności cywilnoprawnych",
            "podatku od czynności cywilnoprawnych"),
    "SD": ("es de", "podatek od spadków i darowizn", "podatku od spadków i darowizn",
           "podatku od spadków i darowizn"),
    "AKC": ("akcyza", "podatek akcyzowy", "podatku akcyzowego", "podatku akcyzowym"),
}


def tax_spoken(code: str) -> str:
    return TAXES.get(code, (code.lower(),) * 4)[0]


def tax_nominative(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[1]


def tax_genitive(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[2]


def tax_locative(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[3]


# The forms the voice needs, back to how they are written, for the text channel.
_WRITTEN = [
    (re.compile(r"\bpodatki kropka gov kropka pe el\b"), "podatki.gov.pl"),
    *((re.compile(rf"\b{spoken}\b"), code) for code, (spoken, *_) in TAXES.items() if spoken != "akcyza"),
]


def written_form(text: str) -> str:
    """A sentence written for the ear, as a chat shows it: "podatku wat" → "podatku VAT",
    "podatki kropka gov kropka pe el" → "podatki.gov.pl"."""
    for pattern, written in _WRITTEN:
        text = pattern.sub(written, text)
    return text
