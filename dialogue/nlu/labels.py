"""The label sets of the NLU: what the caller wants (intent) and which queue knows about it (topic).

INTENTS and TOPICS are the engine's (``dialogue.nlu_types``); their order is the order of the
classifier's outputs, recorded in each trained model's nlu.json.
"""

from __future__ import annotations

from dialogue.nlu_types import INTENTS, TOPICS

__all__ = ["INTENTS", "TOPICS"]
