"""Bearer tokens: the bot's token reads; the e-US (admin) token also manages telePINs."""

from __future__ import annotations

import secrets

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from integrations.sandbox.errors import ApiError

_bearer = HTTPBearer(auto_error=False)


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorised", "a bearer token is required", {"WWW-Authenticate": "Bearer"})
    return credentials.credentials


def bot_caller(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    token = _token(credentials)
    config = request.app.state.config
    if not (secrets.compare_digest(token, config.token) or secrets.compare_digest(token, config.admin_token)):
        raise ApiError(401, "unauthorised", "unknown token", {"WWW-Authenticate": "Bearer"})


def admin_caller(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    token = _token(credentials)
    if not secrets.compare_digest(token, request.app.state.config.admin_token):
        raise ApiError(401, "unauthorised", "the e-US (admin) token is required", {"WWW-Authenticate": "Bearer"})
