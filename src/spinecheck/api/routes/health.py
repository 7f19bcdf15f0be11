"""Liveness and readiness; no key needed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ... import ENGINE_VERSION
from ...errors import SpinecheckError
from ...policy import load_policy, policy_ids
from ..problems import problem_response, responses
from ..render import dumps
from ..schemas import HealthOut, ReadyOut

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up", responses={200: {"model": HealthOut, "description": "Alive"}})
def healthz() -> Response:
    return Response(dumps({"status": "ok", "engine_version": ENGINE_VERSION}).encode(), media_type="application/json")


@router.get("/readyz", summary="The database answers and the policies are loaded",
            responses={200: {"model": ReadyOut, "description": "Ready"}, **responses(503)})
async def readyz(request: Request) -> Response:
    store = request.app.state.store
    try:
        await run_in_threadpool(store.ping)
    except SpinecheckError as exc:
        return problem_response(request, 503, exc.code, f"not ready: {exc.message}", "database")
    try:
        policies = {pid: load_policy(pid).content_hash for pid in policy_ids()}
    except SpinecheckError:
        return problem_response(request, 503, "policies_unavailable", "not ready: a bundled policy failed to load; "
                                "the operator should run `spinecheck policy lint`", "policies")
    return Response(dumps({"status": "ready", "database": "ok", "policies": policies}).encode(),
                    media_type="application/json")
