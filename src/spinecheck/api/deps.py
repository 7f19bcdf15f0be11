"""Typed dependencies: the store, and the authenticated API key with its role checked."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..store import ApiKeyInfo, Store, authenticate
from ..store.keys import hash_token
from .problems import ApiError

bearer = HTTPBearer(auto_error=False, scheme_name="ApiKey",
                    description="An API key from `spinecheck apikey create`: `Authorization: Bearer sck_…`")

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="spinecheck"'}


async def get_store(request: Request) -> Store:  # async: no thread hop for a lookup
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


async def authenticated_key(request: Request, credentials: HTTPAuthorizationCredentials | None) -> ApiKeyInfo:
    """The API key behind the request's bearer token (cached for a short time), or 401."""
    if credentials is None:
        raise ApiError(401, "missing_api_key", "send an API key in the header `Authorization: Bearer sck_…` "
                       "(`spinecheck apikey create` makes one)", where="Authorization", headers=_CHALLENGE)
    cache: KeyCache = request.app.state.key_cache
    digest = hash_token(credentials.credentials)
    key = cache.get(digest)
    if key is None:
        key = await run_in_threadpool(_authenticate, request.app.state.store, credentials.credentials)
        if key is not None:
            cache.put(digest, key)
    if key is None:
        raise ApiError(401, "invalid_api_key", "the API key is unknown or revoked; ask an administrator for a "
                       "valid key", where="Authorization", headers=_CHALLENGE)
    request.scope.setdefault("state", {})["key_id"] = key.id
    return key


class KeyCache:
    """Recently authenticated keys, for ``ttl`` seconds (SPINECHECK_AUTH_CACHE_SECONDS; 0 turns
    it off). Only valid keys are cached; a revocation through this process clears it at once,
    one made elsewhere (CLI, another worker) takes effect within ``ttl``."""

    def __init__(self, ttl: float):
        self.ttl = ttl
        self._entries: dict[str, tuple[float, ApiKeyInfo]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> ApiKeyInfo | None:
        if self.ttl <= 0:
            return None
        with self._lock:
            entry = self._entries.get(digest)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, digest: str, key: ApiKeyInfo) -> None:
        if self.ttl > 0:
            with self._lock:
                if len(self._entries) > 10_000:
                    self._entries.clear()
                self._entries[digest] = (time.monotonic() + self.ttl, key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _authenticate(store: Store, token: str) -> ApiKeyInfo | None:
    with store.read() as session:
        return authenticate(session, token)


def require(*roles: str) -> Callable[..., Awaitable[ApiKeyInfo]]:
    """A dependency admitting keys whose role is one of ``roles``: one dependency (plus the bearer
    scheme, which documents the security in OpenAPI), because each nested dependency costs every
    request its resolution."""

    async def dependency(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None,
                                                                  Depends(bearer)]) -> ApiKeyInfo:
        key = await authenticated_key(request, credentials)
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
