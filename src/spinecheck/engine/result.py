"""A determination as plain data, and its published JSON with the trace (``Result.to_dict``).

The trace is rendered on demand from the evaluation state the decision left: decisive entries
are completed (``CompiledPolicy.force``) when they are shown; the result cannot change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import ENGINE_VERSION, logic
from ..models import REVIEWER_NOTICE
from .compiled import ANY, AT_LEAST, FACT, UNSET, CompiledPolicy
from .facts import FactSet


@dataclass(slots=True)
class Result:
    """An engine result: plain data, turned into the published JSON by ``to_dict``."""

    request_id: str
    compiled: CompiledPolicy
    cpt: str
    outcome: str
    guideline: str | None
    summary: str
    suggested_cpt: list[str]
    missing: list[tuple[str, str]]
    facts: FactSet
    out: list[Any] = field(default_factory=list)
    entries: list[tuple] = field(default_factory=list)  # (role, item index, decisive[, evaluation state])
    note_ids: list[int] = field(default_factory=list)
    _env: Any = None  # the evaluation state, to complete the trace lazily
    _explain: str = "decisive"

    def to_dict(self, explain: str = "decisive") -> dict[str, Any]:
        """The published determination. ``explain``: "decisive" traces every criterion of the
        decisive entries (and the definitions they use) and summarizes the others by status; an
        approval lists only the pathway that met (the others do not bear on it); "full" traces
        every entry."""
        if explain not in ("decisive", "full"):
            raise ValueError("explain must be 'decisive' or 'full'")
        self._explain = explain
        policy = self.compiled.policy
        shown_definitions: dict[int, None] = {}
        entries = self.entries
        if explain == "decisive" and self.outcome == "approve":
            entries = [entry for entry in entries if entry[2]]
        criteria = [self._entry(*entry, defs=shown_definitions) for entry in entries]
        pending = list(shown_definitions)
        done: set[int] = set()
        while pending:  # definitions referenced from the trace, each shown once
            idx = pending.pop(0)
            if idx in done:
                continue
            done.add(idx)
            more: dict[int, None] = {}
            node = self._node(idx, more, top=True)
            criteria.append({"role": "definition", "id": node["id"], "title": node["text"], "cite": node["cite"],
                             "cpt": "all", "status": node["status"], "decisive": False, "goes_to": None, "node": node})
            pending.extend(k for k in more if k not in done)
        return {
            "request_id": self.request_id,
            "policy": {"id": policy.id, "version": policy.meta.version, "hash": policy.content_hash},
            "cpt": self.cpt,
            "outcome": self.outcome,
            "guideline": self.guideline,
            "summary": self.summary,
            "suggested_cpt": self.suggested_cpt,
            "missing": [{"fact": f, "question": q} for f, q in self.missing],
            "criteria": criteria,
            "notes": [
                {"id": n.id, "cite": n.cite, "text": n.text}
                for n in (policy.notes[i] for i in self.note_ids)
            ],
            "facts": _facts_used(self.facts),
            "conflicts": list(self.facts.conflicts),
            "reviewer_notice": REVIEWER_NOTICE,
            "engine_version": ENGINE_VERSION,
        }

    def _entry(self, role: str, i: int, decisive: bool, state: Any = None, *, defs: dict[int, None]) -> dict[str, Any]:
        """One trace entry; ``state`` is the evaluation it was decided in (default: the request's)."""
        c = self.compiled
        state = state or self._env
        root = c.roots_of[role][i]
        item_id, title, cite, cpt, goes_to = c.headers[role][i]
        traced = decisive or self._explain == "full"
        if root is not None and traced:
            c.force(state, root)
        elif root is not None and state.out[root] is UNSET:
            c.fns[root](state)
        return {
            "role": role, "id": item_id, "title": title, "cite": cite,
            "cpt": cpt, "status": "met" if root is None else _LABELS.get(state.out[root], "unknown"),
            "decisive": decisive, "goes_to": goes_to,
            "node": self._node(root, defs, top=True, state=state) if root is not None and traced else None,
        }

    def _node(self, idx: int, defs: dict[int, None], top: bool = False, state: Any = None,
              shallow: bool = False) -> dict[str, Any]:
        """Trace of node ``idx``; a reused definition below the top is shown as a reference
        (its id and status) and listed once in ``defs``. ``shallow``: the node's own line only
        (an alternative that did not carry a met ``any`` / ``at_least``)."""
        c = self.compiled
        state = state or self._env
        value = state.out[idx]
        status = _LABELS.get(value, "unknown")  # not evaluated: unknown
        template = c.templates[idx]
        if shallow:
            return {**template, "status": status}
        if not top and idx in c.definition_nodes and state is self._env:
            defs[idx] = None
            return {"id": template["id"], "text": template["text"], "cite": template["cite"],
                    "kind": "ref", "status": status}
        out = dict(template)
        out["status"] = status
        kind, ruler = c.kinds[idx], c.ruler_of[idx]
        if value is False and ruler and self._explain != "full" and state.facts.get(ruler) is True:
            return out  # ruled out by one statement: its own criteria add nothing (see "full")
        if kind == FACT:
            prov = self.facts.source(c.fact_of[idx] or "")
            out["value"] = _display(prov.raw) if prov else None
            out["evidence"] = list(map(dict, prov.evidence)) if prov else []
        else:
            # A met alternative decides an `any` / `at_least`: the others are listed by status only
            # (explain="full" expands them).
            carried = value is True and (kind == ANY or kind == AT_LEAST) and self._explain != "full"
            out["children"] = [self._node(k, defs, state=state, shallow=carried and state.out[k] is not True)
                               for k in c.children[idx]]
        return out


_LABELS = {True: logic.label(True), False: logic.label(False), None: logic.label(None)}


def _display(raw: Any) -> Any:
    cls = raw.__class__
    if cls is bool or cls is str or raw is None:
        return raw
    if isinstance(raw, (frozenset, set)):
        return sorted(raw)
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return raw


def _facts_used(facts: FactSet) -> list[dict[str, Any]]:
    """The facts of the case with their sources. Facts only implied as absent by a blanket
    statement are left out (the statement itself is listed, and traced leaves show them)."""
    return [
        {"name": name, "value": _display(raw), "source": source, "evidence": list(map(dict, evidence))}
        for name, (_, source, evidence, raw) in facts.provenance.items() if source != "implied"
    ]
