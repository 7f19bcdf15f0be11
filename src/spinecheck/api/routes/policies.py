"""/v1/policies: the bundled policies and their criteria trees with citations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from ...policy import load_policy, policy_ids
from ..deps import AnyKey
from ..problems import responses
from ..render import dumps, policy_detail_json, policy_summary
from ..schemas import PolicyDetailOut, PolicyListOut

router = APIRouter(prefix="/v1/policies", tags=["policies"])


@router.get("", summary="The bundled policies", responses={200: {"model": PolicyListOut, "description": "Policies"},
                                                            **responses(401, 403)})
def list_policies(key: AnyKey) -> Response:
    items = [policy_summary(load_policy(pid)) for pid in policy_ids()]
    return Response(dumps({"items": items}).encode("utf-8"), media_type="application/json")


@router.get("/{policy_id}", summary="A policy's criteria trees, each node citing its section",
            responses={200: {"model": PolicyDetailOut, "description": "The policy"}, **responses(401, 403, 404, 422)})
def get_policy(policy_id: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9.-]{0,99}$")], key: AnyKey) -> Response:
    return Response(policy_detail_json(policy_id), media_type="application/json")
