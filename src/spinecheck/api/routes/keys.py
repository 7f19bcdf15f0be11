"""/v1/apikeys: key management for admin keys (the CLI offers the same: `spinecheck apikey`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ...errors import InputError
from .determinations import parse_body

from ...store import ApiKeyInfo, create_api_key, list_api_keys, revoke_api_key
from ...store.canonical import iso_utc
from ..deps import AdminKey, StoreDep
from ..problems import responses
from ..render import dumps
from ..schemas import ApiKeyCreatedOut, ApiKeyIn, ApiKeyListOut, ApiKeyOut

router = APIRouter(prefix="/v1/apikeys", tags=["api keys"])


def key_dict(k: ApiKeyInfo) -> dict:
    return {"id": k.id, "name": k.name, "role": k.role, "created_at": iso_utc(k.created_at),
            "revoked_at": iso_utc(k.revoked_at) if k.revoked_at else None}


def _json(doc: object, status: int = 200) -> Response:
    return Response(dumps(doc).encode("utf-8"), status_code=status, media_type="application/json")


@router.post("", status_code=201, summary="Create a key; the token is shown once",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/ApiKeyIn"}}}}},
             responses={201: {"model": ApiKeyCreatedOut, "description": "Created"},
                        **responses(401, 403, 413, 415, 422, 503)})
async def create_key(key: AdminKey, store: StoreDep, request: Request) -> Response:
    data = parse_body(await request.body(), request.headers.get("content-type"), what="an API key")
    try:
        body = ApiKeyIn.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(err["msg"], where=".".join(str(p) for p in err["loc"]) or "request",
                         code=f"invalid_{err['type']}") from None
    return await run_in_threadpool(_create_key, store, body, key.id)


def _create_key(store, body: ApiKeyIn, actor: str) -> Response:  # noqa: ANN001
    with store.write() as session:
        info, token = create_api_key(session, name=body.name, role=body.role, actor=actor)
    return _json({**key_dict(info), "token": token}, 201)


@router.get("", summary="All keys (never their secrets)",
            responses={200: {"model": ApiKeyListOut, "description": "Keys"}, **responses(401, 403, 503)})
def list_keys(key: AdminKey, store: StoreDep) -> Response:
    with store.read() as session:
        keys = list_api_keys(session)
    return _json({"items": [key_dict(k) for k in keys]})


@router.post("/{key_id}/revoke", summary="Revoke a key (idempotent)",
             responses={200: {"model": ApiKeyOut, "description": "The revoked key"},
                        **responses(401, 403, 404, 413, 422, 503)})
def revoke_key(key_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$")], key: AdminKey, store: StoreDep,
               request: Request) -> Response:
    with store.write() as session:
        info, _ = revoke_api_key(session, key_id, actor=key.id)
    request.app.state.key_cache.clear()  # effective at once in this process
    return _json(key_dict(info))
