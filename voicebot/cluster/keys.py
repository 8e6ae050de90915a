"""Every Redis key and pub/sub channel the workers share, in one place.

Keys never hold a secret or a credential: a session token or a client address is named by its
digest, a handoff, chat or worker by its random id. (The handoff queue's own keys are
``integrations.handoff.queue``'s, under ``kas:handoff``.)
"""

from __future__ import annotations

import hashlib

PREFIX = "kas"


def digest(value: str) -> str:
    """What a key holds instead of a token or an address."""
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:32]


# -- the agents' console ---------------------------------------------------------------------------
def console_session(token: str) -> str:
    """An agent's sign-in (value: the login; expires with the session)."""
    return f"{PREFIX}:console:session:{digest(token)}"


def login_failures(kind: str, value: str) -> str:
    """Failed sign-ins for a login or a client address (a sorted set of times)."""
    return f"{PREFIX}:console:login-failures:{kind}:{digest(value)}"


# -- the caller ↔ agent bridge ---------------------------------------------------------------------
def bridge_channel(handoff_id: str, side: str) -> str:
    """What is for ``side`` of a bridge: the worker holding that side's socket subscribes."""
    return f"{PREFIX}:bridge:{handoff_id}:to:{side}"


def bridge_pending(handoff_id: str, side: str) -> str:
    """Chat lines for ``side`` sent while it was not connected (a short list, expiring)."""
    return f"{PREFIX}:bridge:{handoff_id}:pending:{side}"


# -- chats -------------------------------------------------------------------------------------------
def chat_session(session_id: str) -> str:
    """Which worker holds a chat (hash: worker, token digest, client digest)."""
    return f"{PREFIX}:chat:session:{session_id}"


def chat_client(client: str) -> str:
    """The open chats of one client address (a set of session ids)."""
    return f"{PREFIX}:chat:client:{digest(client)}"


def chat_reply_channel(request_id: str) -> str:
    return f"{PREFIX}:chat:reply:{request_id}"


# -- workers -----------------------------------------------------------------------------------------
WORKERS = f"{PREFIX}:workers"  # a set of worker ids that have announced themselves


def worker_alive(worker_id: str) -> str:
    """Exists while the worker's heartbeat is fresh."""
    return f"{PREFIX}:worker:{worker_id}:alive"


def worker_calls(worker_id: str) -> str:
    """The call records a worker has open (a set of call ids, no personal data)."""
    return f"{PREFIX}:worker:{worker_id}:calls"


def worker_channel(worker_id: str) -> str:
    """Requests for a worker from the others (a chat message for a chat it holds)."""
    return f"{PREFIX}:worker:{worker_id}:requests"
