"""Typed dependencies: the store, and the authenticated API key with its role checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..store import ApiKeyInfo, Store, authenticate
from .problems import ApiError

bearer = HTTPBearer(auto_error=False, scheme_name="ApiKey",
                    description="An API key from `spinecheck apikey create`: `Authorization: Bearer sck_…`")

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="spinecheck"'}


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def current_key(request: Request, store: StoreDep,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> ApiKeyInfo:
    if credentials is None:
        raise ApiError(401, "missing_api_key", "send an API key in the header `Authorization: Bearer sck_…` "
                       "(`spinecheck apikey create` makes one)", where="Authorization", headers=_CHALLENGE)
    with store.read() as session:
        key = authenticate(session, credentials.credentials)
    if key is None:
        raise ApiError(401, "invalid_api_key", "the API key is unknown or revoked; ask an administrator for a "
                       "valid key", where="Authorization", headers=_CHALLENGE)
    request.scope.setdefault("state", {})["key_id"] = key.id
    return key


def require(*roles: str) -> Callable[..., ApiKeyInfo]:
    """A dependency admitting keys whose role is one of ``roles``."""

    def dependency(key: Annotated[ApiKeyInfo, Depends(current_key)]) -> ApiKeyInfo:
        if key.role not in roles:
            raise ApiError(403, "forbidden_role", f"this needs a key with role {' or '.join(roles)}; "
                           f"this key has role {key.role}", where="Authorization")
        return key

    return dependency


AnyKey = Annotated[ApiKeyInfo, Depends(require("submitter", "reviewer", "admin"))]
SubmitterKey = Annotated[ApiKeyInfo, Depends(require("submitter"))]
ReaderKey = Annotated[ApiKeyInfo, Depends(require("submitter", "reviewer"))]
ReviewerKey = Annotated[ApiKeyInfo, Depends(require("reviewer"))]
AdminKey = Annotated[ApiKeyInfo, Depends(require("admin"))]
