"""Typed shapes that cross package boundaries: secrets, queues, handoff reasons, the handoff context.

``dialogue`` builds them, the adapters (``integrations``, ``voicebot``) consume them; this package
imports neither, so neither side has to import the other. (The back-end HTTP contracts are the
YAML files in ``integrations/contracts/`` and their pydantic models in ``integrations/models.py``.)
"""
