"""The FastAPI application. ``create_app()`` (a factory: uvicorn --factory) reads Settings from
the environment; tests pass Settings explicitly."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.concurrency import run_in_threadpool

from .. import ENGINE_VERSION
from ..errors import SpinecheckError
from ..models import REVIEWER_NOTICE, Request as ReviewRequest
from ..store import Store
from . import problems
from .deps import KeyCache
from .middleware import ServiceMiddleware
from .schemas import ApiKeyIn
from .routes import determinations, health, keys, policies
from .settings import Settings

log = logging.getLogger("spinecheck.api")

DESCRIPTION = f"""Reviews spine-imaging prior-authorization requests against payers' published
medical-necessity policies and stores every determination with a tamper-evident audit trail.

**{REVIEWER_NOTICE}**

Authenticate with `Authorization: Bearer <API key>`. Errors are `application/problem+json`
documents with a stable `code` and the `field` to fix."""


def warm_up() -> dict[str, str]:
    """Load (and compile) every bundled policy once, so no request pays for it."""
    from ..policy import load_policy, policy_ids
    from ..review import review_data

    loaded = {}
    for pid in policy_ids():
        policy = load_policy(pid)
        loaded[pid] = policy.content_hash
        code = sorted(policy.codes)[0] if policy.codes else None
        if code:
            try:
                review_data({"id": "warm-up", "policy": pid, "cpt": code, "date": "2026-01-01",
                             "patient": {"birth_date": "1970-01-01"}})
            except SpinecheckError:  # pragma: no cover - warm-up only
                pass
    return loaded


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    settings = settings or Settings()
    store = store or Store(settings.store_config())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        try:
            await run_in_threadpool(warm_up)
        except SpinecheckError as exc:
            log.error("policies failed to load at start-up (%s); /readyz reports it", exc.code)
        try:
            await run_in_threadpool(store.ensure_schema)
        except SpinecheckError as exc:
            log.warning("database not ready at start-up (%s); requests answer 503 until it is", exc.code)
        yield
        store.dispose()

    app = FastAPI(title="spinecheck", version=ENGINE_VERSION, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url="/openapi.json", docs_url="/docs", redoc_url=None)
    app.state.store = store
    app.state.settings = settings
    app.state.key_cache = KeyCache(settings.auth_cache_seconds)
    problems.install(app)
    app.include_router(determinations.router)
    app.include_router(policies.router)
    app.include_router(keys.router)
    app.include_router(health.router)
    app.add_middleware(ServiceMiddleware, max_body_bytes=settings.max_body_bytes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    request_schema = ReviewRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in request_schema.pop("$defs", {}).items():
        schemas.setdefault(name, sub)
    schemas["Request"] = request_schema
    schemas["Problem"] = problems.Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas["ApiKeyIn"] = ApiKeyIn.model_json_schema(ref_template="#/components/schemas/{model}")
    app.openapi_schema = doc
    return doc
