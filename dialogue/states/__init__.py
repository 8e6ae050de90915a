"""One module per phase of a call; each maps its ``State``s to the handlers of the events that matter there.

identify (PESEL) → authenticate (telePIN) → principals (whose matter) → answer (the matter, the
services, "anything else?") → hand_off (a human) → the end. ``dialogue/engine.py`` applies the rules
that hold in every state and dispatches the rest here; ``common.Moves`` are the bot's moves any
phase makes (ask, collect keys, request, hand off, end).
"""
