"""JSON for responses. Stored determinations are embedded as the stored text (no parse and
re-serialize of a ~60 KB trace per request); policies are rendered once per content hash."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic_core import to_jsonable_python

from ..models import REVIEWER_NOTICE
from ..policy import Policy, load_policy
from ..policy.schema import Node
from ..store import StoredDetermination
from ..store.canonical import iso_utc


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def summary_dict(d: StoredDetermination) -> dict[str, Any]:
    return {
        "id": d.id, "submission_id": d.submission_id, "created_at": iso_utc(d.created_at),
        "requester": d.requester_key_id, "request_id": d.request_id,
        "policy": {"id": d.policy_id, "version": d.policy_version, "hash": d.policy_hash},
        "engine_version": d.engine_version, "outcome": d.outcome, "cpt": d.cpt, "guideline": d.guideline,
    }


def stored_json(d: StoredDetermination, *, with_request: bool = False) -> str:
    head = dumps(summary_dict(d))[:-1]
    tail = f',"request":{d.request_json}' if with_request else ""
    return f'{head},"determination":{d.result_json}{tail}}}'


def submission_json(submission_id: str, replayed: bool, determinations: tuple[StoredDetermination, ...]) -> str:
    head = dumps({"submission_id": submission_id, "idempotent_replay": replayed, "reviewer_notice": REVIEWER_NOTICE})
    items = ",".join(stored_json(d) for d in determinations)
    return f'{head[:-1]},"determinations":[{items}]}}'


# ---------------------------------------------------------------------------------------------
def policy_summary(p: Policy) -> dict[str, Any]:
    return {"id": p.id, "payer": p.meta.payer, "title": p.meta.title, "version": p.meta.version,
            "effective_date": p.meta.effective_date.isoformat(), "hash": p.content_hash, "codes": sorted(p.codes)}


def criterion(node: Node, policy: Policy) -> dict[str, Any]:
    kind = node.kind
    out: dict[str, Any] = {"kind": kind, "id": node.id, "text": node.text, "cite": node.cite, "children": []}
    if kind == "ref":
        target = policy.definitions.get(node.ref or "")
        out.update(ref=node.ref, id=None, text=target.text if target else None, cite=target.cite if target else None)
        return out
    if kind == "at_least":
        out["at_least"] = node.at_least
    if kind == "fact":
        out.update(fact=node.fact, op=node.op, value=to_jsonable_python(node.value), value_fact=node.value_fact)
    if node.ruled_out_by:
        out["ruled_out_by"] = node.ruled_out_by
    out["children"] = [criterion(child, policy) for child in node.children]
    return out


def policy_detail(p: Policy) -> dict[str, Any]:
    def item(x: Any) -> dict[str, Any]:
        out = x.model_dump(mode="json", by_alias=True, exclude={"when"})
        if "when" in type(x).model_fields:
            out["when"] = criterion(x.when, p) if x.when is not None else None
        return out

    return {
        **policy_summary(p),
        "source": p.meta.source, "summary": p.meta.summary,
        "code_details": [c.model_dump(mode="json") for c in sorted(p.codes.values(), key=lambda c: c.code)],
        "sections": [s.model_dump(mode="json") for s in p.sections],
        "definitions": [criterion(node, p) for _, node in sorted(p.definitions.items())],
        "pathways": [item(x) for x in p.pathways],
        "redirects": [item(x) for x in p.redirects],
        "exclusions": [item(x) for x in p.exclusions],
        "notes": [item(x) for x in p.notes],
        "reviewer_notice": REVIEWER_NOTICE,
    }


@lru_cache(maxsize=64)
def _policy_detail_json(policy_id: str, content_hash: str) -> bytes:
    return dumps(policy_detail(load_policy(policy_id))).encode("utf-8")


def policy_detail_json(policy_id: str) -> bytes:
    p = load_policy(policy_id)
    return _policy_detail_json(p.id, p.content_hash)
