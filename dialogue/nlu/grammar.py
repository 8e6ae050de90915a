"""The template language of the NLU dataset, and the banks of templates it is written in.

A template is one utterance with choices: ``(a|b|)`` picks one alternative (an empty one drops the
part); ``{tax}`` is a tax named in nominative/accusative ("za VAT"), ``{tax_gen}`` in genitive ("zwrot
z PIT-a"), ``{who}`` a person or organisation in genitive ("mojej mamy", "spółki"). A template whose
topic is ``SLOT`` takes its topic from the tax it was filled with.

A ``Bank`` is everything one split is written from: the templates (each a complete request), the
openings and closings said around them, story sentences told before the matter, ways to join two
matters, refusals and people spoken for. The training bank (``templates.py``) and the held-out bank
(``heldout_templates.py``) are written separately, from different words; the tax names
(``lexicon.py``) are the domain's own and shared.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

SLOT = "*"
CHOICE = re.compile(r"\(([^()]*)\)")
SLOT_NAME = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Template:
    intent: str
    topic: str  # a TOPIC, or SLOT
    text: str
    question: str | None = None
    act: str | None = None


@dataclass(frozen=True)
class Bank:
    """What one split of the dataset is written from."""

    templates: list[Template]
    prefixes: list[str]  # said before a request ("dzień dobry"); "" = nothing
    suffixes: list[str]  # said after it ("dziękuję")
    contexts: dict[str, list[str]]  # topic ("" = any) → a sentence of the caller's story, told first
    tails: list[str]  # said after the matter in a story ("bo sam już nie wiem")
    connectors: list[str]  # join two matters in one turn ("a poza tym")
    refusals: list[str]  # will not give a PESEL / telePIN
    refusal_joiners: list[str]  # between a refusal and the matter ("ale")
    who: list[str]  # {who}: someone the caller speaks for, in genitive
    name: str = ""
    extra: dict = field(default_factory=dict)
    id_prefix: str = ""  # the letter its rows' template ids start with; "" = the name's first letter

    @property
    def row_prefix(self) -> str:
        """The letter its rows' template ids start with ("t12" is template 12 of the training bank)."""
        return self.id_prefix or self.name[0]


def group(intent: str, topic: str, texts: list[str], *, question: str | None = None,
          act: str | None = None) -> list[Template]:
    return [Template(intent, topic, text, question, act) for text in texts]


def choose(template: str, rng: random.Random) -> str:
    """One realisation of the ``(a|b)`` choices (slots left in place), single spaces."""
    previous = None
    while previous != template:
        previous = template
        template = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return " ".join(template.split())


def expansions(template: str, limit: int = 20000) -> list[str]:
    """Every realisation of the choices (slots left in place), up to ``limit``."""
    match = CHOICE.search(template)
    if not match:
        return [" ".join(template.split())]
    out: list[str] = []
    for option in match.group(1).split("|"):
        for rest in expansions(template[:match.start()] + option + template[match.end():], limit):
            out.append(rest)
            if len(out) >= limit:
                return out
    return out


def slots(template: str) -> list[str]:
    return SLOT_NAME.findall(template)


def fill(text: str, values: dict[str, list[str]], rng: random.Random) -> str:
    """Replace every ``{slot}`` by a random value of its list."""
    return SLOT_NAME.sub(lambda m: rng.choice(values[m.group(1)]), text)


def sample_product(*lists: list[str], count: int, rng: random.Random) -> list[tuple[str, ...]]:
    """``count`` distinct combinations, one item of each list (all of them if fewer)."""
    total = 1
    for items in lists:
        total *= len(items)
    if total <= count:
        return list(itertools.product(*lists))
    seen: set[tuple[str, ...]] = set()
    while len(seen) < count:
        seen.add(tuple(rng.choice(items) for items in lists))
    return sorted(seen)
