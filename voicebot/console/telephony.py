"""The REST hook the telephony side reads after the bot ends a Twilio media stream with a handoff mark.

``GET /handoffs/{id}`` → status, queue and the agent, no personal data. Protected by a bearer token
(``VOICEBOT_TELEPHONY_TOKEN``; the demo has a public one), as the telephony platform is another
system: which handoffs exist and which agent took them is nobody else's business.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import asdict

from fastapi import APIRouter, HTTPException, Request

from integrations.handoff.queue import HandoffQueue


def create_telephony_router(queue: HandoffQueue, *, token: str | None = None, prefix: str = "") -> APIRouter:
    token = token if token is not None else os.environ.get("VOICEBOT_TELEPHONY_TOKEN", "")
    router = APIRouter(prefix=prefix)

    @router.get("/handoffs/{handoff_id}")
    async def handoff(handoff_id: str, request: Request) -> dict:
        # Always asked: without a configured token nobody gets in (not everybody).
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token or not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "bearer token required", headers={"WWW-Authenticate": "Bearer"})
        info = await queue.info(handoff_id)
        if info is None:
            raise HTTPException(404, "no such handoff")
        return asdict(info)

    return router
