"""From facts to a determination under one policy.

Order of decision (see docs/engine.md):
1. the code is not governed -> out_of_scope (where it goes);
2. a redirect holds -> out_of_scope (the other guideline);
3. an `always` exclusion holds -> not_met (referral to a physician reviewer);
4. a pathway supporting the code holds -> approve, unless a must-rule-out exclusion is unknown
   -> pend on it;
5. a pathway supporting the code is unknown -> pend, listing exactly the unknown facts that
   could still make one true;
6. otherwise not_met, with the failing criteria of the most relevant pathway and the codes whose
   pathways do hold for this case as suggestions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import ENGINE_VERSION, logic
from ..models import REVIEWER_NOTICE
from ..policy.model import Policy
from ..policy.schema import Exclusion
from .compiled import UNSET, CompiledPolicy, Env
from .facts import FactSet


_COMPILED: dict[str, CompiledPolicy] = {}


def compile_policy(policy: Policy) -> CompiledPolicy:
    """The compiled form of ``policy``, built once per content hash."""
    found = _COMPILED.get(policy.content_hash)
    if found is None:
        found = _COMPILED[policy.content_hash] = CompiledPolicy(policy)
    return found


@dataclass
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
        policy, c = self.compiled.policy, self.compiled
        state = state or self._env
        if role == "pathway":
            item, root = policy.pathways[i], c.pathway_roots[i]
        elif role == "redirect":
            item, root = policy.redirects[i], c.redirect_roots[i]
        else:
            item, root = policy.exclusions[i], c.exclusion_roots[i]
        traced = decisive or self._explain == "full"
        if root is not None and traced:
            c.force(state, root)
        elif root is not None and state.out[root] is UNSET:
            c.fns[root](state)
        status = logic.TRUE if root is None else state.out[root]
        return {
            "role": role, "id": item.id, "title": item.title, "cite": item.cite,
            "cpt": item.cpt, "status": logic.label(status), "decisive": decisive,
            "goes_to": getattr(item, "goes_to", None),
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
        status = logic.label(None if value is UNSET else value)
        template = c.templates[idx]
        if shallow:
            return {**template, "status": status}
        if not top and idx in c.definition_nodes and state is self._env:
            defs[idx] = None
            return {"id": template["id"], "text": template["text"], "cite": template["cite"],
                    "kind": "ref", "status": status}
        out = dict(template)
        out["status"] = status
        node = c.nodes[idx]
        if (value is False and node.ruled_out_by and self._explain != "full"
                and state.facts.get(node.ruled_out_by) is True):
            return out  # ruled out by one statement: its own criteria add nothing (see "full")
        if node.kind == "fact":
            prov = self.facts.provenance.get(node.fact or "")
            out["value"] = _display(prov.raw) if prov else None
            out["evidence"] = [dict(e) for e in prov.evidence] if prov else []
        else:
            # A met alternative decides an `any` / `at_least`: the others are listed by status only
            # (explain="full" expands them).
            carried = value is True and node.kind in ("any", "at_least") and self._explain != "full"
            out["children"] = [self._node(k, defs, state=state, shallow=carried and state.out[k] is not True)
                               for k in node.children]
        return out


def _display(raw: Any) -> Any:
    if isinstance(raw, (frozenset, set)):
        return sorted(raw)
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return raw


def _facts_used(facts: FactSet) -> list[dict[str, Any]]:
    """The facts of the case with their sources. Facts only implied as absent by a blanket
    statement are left out (the statement itself is listed, and traced leaves show them)."""
    return [
        {"name": name, "value": _display(fv.raw), "source": fv.source, "evidence": [dict(e) for e in fv.evidence]}
        for name, fv in facts.provenance.items() if fv.source != "implied"
    ]


def _applies(cpt_spec: Any, cpt: str) -> bool:
    return cpt_spec == "all" or cpt in cpt_spec


def determine(policy: Policy, request_id: str, cpt: str, request_date: dt.date, facts: FactSet) -> Result:
    """Evaluate ``facts`` for ``cpt`` under ``policy``. Pure: no I/O, no clock."""
    c = compile_policy(policy)

    def result(outcome: str, guideline: str | None, summary: str, **kw: Any) -> Result:
        return Result(request_id=request_id, compiled=c, cpt=cpt, outcome=outcome, guideline=guideline,
                      summary=summary, facts=facts, out=env.out,
                      suggested_cpt=kw.get("suggested", []), missing=kw.get("missing", []),
                      entries=kw.get("entries", []), note_ids=notes, _env=env)

    env = Env(facts=facts.values, request_date=request_date, out=[UNSET] * c.size, cutoffs={})
    notes: list[int] = []

    if not policy.governs(cpt):
        goes_to = policy.elsewhere_for(cpt)
        return result("out_of_scope", goes_to,
                      f"{cpt} is not governed by {policy.meta.title} ({policy.id}); it belongs to {goes_to}.")

    plan = c.plan(cpt)
    fns = c.fns
    for i, root in plan.notes:
        if root is None or fns[root](env) is True:
            notes.append(i)

    # 2. redirects to other guidelines
    redirect_values: list[tuple[int, Any]] = []
    for i, root in plan.redirects:
        value = True if root is None else fns[root](env)
        redirect_values.append((i, value))
        if value is True:
            r = policy.redirects[i]
            return result("out_of_scope", r.goes_to,
                          f"{r.title}: this situation is governed by {r.goes_to} ({r.cite}), not by these criteria.",
                          entries=[("redirect", i, True)])

    # 3. exclusions that hold whatever else is met
    exclusion_values: list[tuple[int, Any]] = []
    path_ids = plan.pathways
    for i, root, always in plan.exclusions:
        v = True if root is None else fns[root](env)
        exclusion_values.append((i, v))
        if v is True and always:
            e = policy.exclusions[i]
            return result("not_met", e.cite,
                          f"Not supported: {e.title} ({e.cite}). Referred to a physician reviewer; this is not a denial.",
                          entries=[("exclusion", i, True)] + [("pathway", k, False) for k in path_ids])

    # 4. a met pathway: only those whose required facts are all known can be true
    known = env.facts.keys()
    first = next((i for i in path_ids if c.pathway_required[i] <= known
                  and c.fns[c.pathway_roots[i]](env) is True), None)
    if first is not None:
        blocking = [("exclusion", i) for i, v in exclusion_values
                    if v is None and _blocks(c, env, policy.exclusions[i], c.exclusion_roots[i])]
        blocking += [("redirect", i) for i, v in redirect_values
                     if v is None and _blocks(c, env, policy.redirects[i], c.redirect_roots[i])]
        entries = [("pathway", first, True)] + [("pathway", i, False) for i in path_ids if i != first]
        if blocking:
            items = [(role, i, policy.exclusions[i] if role == "exclusion" else policy.redirects[i],
                      c.exclusion_roots[i] if role == "exclusion" else c.redirect_roots[i]) for role, i in blocking]
            roots = [root for _, _, _, root in items if root is not None]
            missing = _missing(c, env, roots, lead=len(roots))
            titles = "; ".join(item.title for _, _, item, _ in items)
            return result("pend", items[0][2].cite,
                          f"{policy.pathways[first].title} ({policy.pathways[first].cite}) is met, but it must first be ruled out that: {titles}. "
                          f"{_n_questions(missing)} would decide it.",
                          missing=missing, entries=[(role, i, True) for role, i in blocking] + entries)
        p = policy.pathways[first]
        return result("approve", p.cite, f"Meets {p.cite}: {p.title}.", entries=entries)

    # 5. no pathway holds: the open ones decide between pend and not_met
    path_values = [(i, c.fns[c.pathway_roots[i]](env)) for i in path_ids]
    open_ = [i for i, v in path_values if v is None]
    if open_:
        closeness = _Closeness(c, env)
        open_ = _most_relevant(c, env, open_, facts, closeness)
        # the lead: pathways tied for closest, and the others of their sections
        top = closeness(open_[0])
        section = c.pathway_section
        sections = {section[i] for i in open_ if closeness(i) == top}
        open_.sort(key=lambda i: section[i] not in sections)  # stable
        leading = [i for i in open_ if section[i] in sections]
        missing = _missing(c, env, [c.pathway_roots[i] for i in open_], lead=len(leading))
        entries = [("pathway", i, i in leading) for i, _ in path_values]
        return result("pend", policy.pathways[open_[0]].cite,
                      f"Documentation missing: {_n_questions(missing)} could decide {cpt} under "
                      + _some(list(dict.fromkeys(policy.pathways[i].cite for i in open_))) + ".",
                      missing=missing, entries=entries)

    # 6. not met: explain with the most relevant pathway and suggest what does hold
    alternatives = _suggestions(c, env, cpt)
    suggested = [code for code, _, _ in alternatives]
    explain = [("exclusion", i, True) for i, v in exclusion_values
               if v is True and policy.exclusions[i].applies == "when_no_pathway_met"]
    if path_values:
        best = _most_relevant(c, env, [i for i, _ in path_values], facts, _Closeness(c, env))[0]
        p = policy.pathways[best]
        c.force(env, c.pathway_roots[best])  # the reasons are read off its complete trace
        failing = _failing_texts(c, env, c.pathway_roots[best])
        entries = explain + [("pathway", i, i == best) for i, _ in path_values]
        guideline = policy.exclusions[explain[0][1]].cite if explain else p.cite
        why = f"{policy.exclusions[explain[0][1]].title} ({guideline}). " if explain else ""
        summary = (f"{why}Criteria not met for {cpt} under {p.cite} ({p.title}): {'; '.join(failing[:4])}. "
                   "Referred to a physician reviewer; this is not a denial.")
    else:
        entries = explain
        guideline = policy.exclusions[explain[0][1]].cite if explain else policy.codes[cpt].cite
        summary = (f"No pathway of {policy.id} supports {cpt}"
                   + (f" ({policy.exclusions[explain[0][1]].title})" if explain else "")
                   + ". Referred to a physician reviewer; this is not a denial.")
    if alternatives and not explain:
        _, supporting, state = alternatives[0]
        guideline = policy.pathways[supporting].cite
        entries = [("pathway", supporting, True, state)] + [(r, i, False) for r, i, _ in entries]
        summary = (f"{guideline} ({policy.pathways[supporting].title}) supports {', '.join(suggested)} for this case, "
                   f"not the requested {cpt}. Referred to a physician reviewer; this is not a denial.")
    elif suggested:
        summary += f" The policy supports {', '.join(suggested)} for this case."
    return result("not_met", guideline, summary, suggested=suggested, entries=entries)


class _Closeness:
    """How close each pathway came, computed once per pathway: criteria met by the case's own
    facts (not by age, sex or the requested code), then the share of its criteria met. Valid
    while the evaluation state does not change (create it after any forcing)."""

    def __init__(self, c: CompiledPolicy, env: Env):
        self.c, self.out = c, env.out
        self.memo: dict[int, tuple[int, float]] = {}

    def __call__(self, i: int) -> tuple[int, float]:
        found = self.memo.get(i)
        if found is None:
            c, out = self.c, self.out
            root = c.pathway_roots[i]
            n = len(c.leaves(root))
            met = c.leaf_values(root, out).count(True)
            own = c.own_leaf_values(root, out).count(True)
            found = self.memo[i] = (own, met / n if n else 0.0)
        return found


def _blocks(c: CompiledPolicy, env: Env, item: Any, root: int | None) -> bool:
    """Whether the unknown exclusion or redirect ``item`` must be settled before approving."""
    if not item.must_rule_out or (isinstance(item, Exclusion) and item.applies != "always"):
        return False
    if item.must_rule_out is True or root is None:
        return True
    c.force(env, root)  # "when_suggested": some criterion of it is known to hold
    return True in c.leaf_values(root, env.out)


def _some(items: list[str], shown: int = 5) -> str:
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


def _n_questions(missing: list[tuple[str, str]]) -> str:
    return f"{len(missing)} question" + ("" if len(missing) == 1 else "s")


def _missing(c: CompiledPolicy, env: Env, roots: list[int], lead: int = 1) -> list[tuple[str, str]]:
    """The questions whose answers can change the result: the unknown facts under unknown
    nodes, asked in a reviewer's order. For a scenario that is not yet established, its gate
    comes first (its details matter only once it holds). For the first ``lead`` roots (the most
    relevant) the gate is asked as such ("was there trauma?"); for the others one blanket
    question ("does the record exclude what it does not mention?") stands for all of them."""
    names: dict[str, None] = {}
    seen: dict[bool, set[int]] = {True: set(), False: set()}  # by specific
    catalog = c.policy.facts
    facts, out, nodes, fact_ruler = env.facts, env.out, c.nodes, c.fact_ruler
    gates = _Gates(c, out)

    def ask(name: str, specific: bool) -> None:
        ruler = fact_ruler.get(name)
        names[name if specific or not ruler or ruler in facts else ruler] = None

    def walk(idx: int, specific: bool) -> None:
        visited = seen[specific]
        if out[idx] is not None or idx in visited:
            return
        visited.add(idx)
        node = nodes[idx]
        ruler = node.ruled_out_by
        if ruler and ruler not in facts and not gates.has_true_leaf(idx):
            names[ruler] = None  # one question settles the whole group
            return
        if node.kind == "fact":
            for name in (node.fact, node.value_fact):
                if name and name not in facts:
                    ask(name, specific)
            return
        children = node.children
        if node.kind == "all" and not gates.established(idx):
            children = gates.open_gates(idx) or children
        for k in children:
            walk(k, specific)

    for position, root in enumerate(roots):
        walk(root, position < lead)
    return [(n, catalog[n].question) for n in names]


class _Gates:
    """Scenario gates of one evaluation state (memoized: the state does not change while the
    questions are collected). A gate is a fact or group a blanket statement answers."""

    def __init__(self, c: CompiledPolicy, out: list[Any]):
        self.c, self.out = c, out
        self._established: dict[int, bool] = {}
        self._open: dict[int, tuple[int, ...]] = {}
        self._true_leaf: dict[int, bool] = {}

    def established(self, idx: int) -> bool:
        """Whether a scenario gate under this `all` (through nested `all` nodes) already holds."""
        found = self._established.get(idx)
        if found is None:
            c, out = self.c, self.out
            found = False
            for k in c.nodes[idx].children:
                if (out[k] is True and c.is_gate[k]) or (c.nodes[k].kind == "all" and self.established(k)):
                    found = True
                    break
            self._established[idx] = found
        return found

    def open_gates(self, idx: int) -> tuple[int, ...]:
        """The open scenario gates that must hold for ``idx`` to hold (e.g. "is there a
        deformity?"), found through `all` nodes and through `any` nodes whose every open
        branch is gated."""
        out = self.out
        if out[idx] is not None:
            return ()
        if self.c.is_gate[idx]:
            return (idx,)
        found = self._open.get(idx)
        if found is None:
            node = self.c.nodes[idx]
            found = ()
            if node.kind == "all":
                found = tuple(g for k in node.children for g in self.open_gates(k))
            elif node.kind == "any":
                parts = [self.open_gates(k) for k in node.children if out[k] is None]
                if parts and all(parts):
                    found = tuple(g for part in parts for g in part)
            self._open[idx] = found
        return found

    def has_true_leaf(self, idx: int) -> bool:
        """Whether a finding of the group ``idx`` already holds (then "none of these" cannot);
        criteria shared with other parts of the policy (e.g. treatment length) do not count."""
        found = self._true_leaf.get(idx)
        if found is None:
            c = self.c
            node = c.nodes[idx]
            if node.kind == "fact":
                found = self.out[idx] is True and node.fact in c.group_only_facts
            else:
                found = any(self.has_true_leaf(k) for k in node.children)
            self._true_leaf[idx] = found
        return found


def _failing_texts(c: CompiledPolicy, env: Env, root: int) -> list[str]:
    """Short reasons why ``root`` is false: the deepest false criteria beneath it. A false
    `any` reads "none of (a / b)"; a group ruled out by one statement reads as itself."""

    def reasons(idx: int) -> list[str]:
        node = c.nodes[idx]
        if env.out[idx] is not False:
            return []
        if node.kind == "fact" or node.ruled_out_by or node.kind == "not":
            return [node.text]
        if node.kind == "any" and len(node.children) > 1:
            parts = ["; ".join(reasons(k)) or c.nodes[k].text for k in node.children]
            return [f"none of ({' / '.join(parts)})"]
        found = [r for k in node.children for r in reasons(k)]
        return found or [node.text]

    return list(dict.fromkeys(reasons(root)))


class _RuledOut:
    """Which pathways are not met only because a blanket statement rules their condition out
    ("no red flags", "nothing else going on"): the pathway's own condition is simply absent, so
    it is a poor explanation of the result. Memoized per evaluation state (subtrees shared
    between pathways are checked once)."""

    def __init__(self, c: CompiledPolicy, env: Env, facts: FactSet):
        self.nodes, self.out, self.provenance = c.nodes, env.out, facts.provenance
        self.memo: dict[tuple[int, Any], bool] = {}

    def only_ruled_out(self, root: int) -> bool:
        """True when every reason ``root`` is not met (false or unknown) is a group or fact
        that a blanket statement rules out."""
        status = self.out[root]
        return status is not True and self._check(root, status)

    def _check(self, idx: int, status: Any) -> bool:
        key = (idx, status)
        found = self.memo.get(key)
        if found is None:
            node, out = self.nodes[idx], self.out
            if node.ruled_out_by:
                found = True
            elif node.kind == "fact":
                fv = self.provenance.get(node.fact or "")
                found = fv is not None and fv.source == "implied"
            elif node.kind == "not":
                found = False
            elif node.kind == "any":
                found = all(out[k] is True or self._check(k, status) for k in node.children)
            else:
                kids = [k for k in node.children if out[k] is status]
                found = bool(kids) and all(self._check(k, status) for k in kids)
            self.memo[key] = found
        return found


def _most_relevant(c: CompiledPolicy, env: Env, candidates: list[int], facts: FactSet,
                   closeness: _Closeness) -> list[int]:
    """``candidates`` ordered by how well each explains a pend or not_met, best first: a
    pathway whose condition is present before one that a blanket statement rules out, then
    more criteria met by the case's own facts, then a larger share met, then policy order.
    ``closeness`` must be fresh: it is consulted only after the ranked pathways are completed."""
    ruled_out = _RuledOut(c, env, facts)
    roots = c.pathway_roots
    present = [i for i in candidates if not ruled_out.only_ruled_out(roots[i])]
    ranked = present or list(candidates)
    for i in ranked:
        if env.out[roots[i]] is False:  # complete the criteria short-circuiting skipped
            c.fill_leaves(env, roots[i])
    closeness.memo.clear()
    ranked.sort(key=lambda i: (*closeness(i), -i), reverse=True)
    return ranked + [i for i in candidates if i not in ranked]


def _suggestions(c: CompiledPolicy, env: Env, cpt: str) -> list[tuple[str, int, Env]]:
    """Codes other than the requested one that a pathway supports for this case, each with
    the pathway and the evaluation state in which it holds. A pathway that reads the requested
    code's region, modality or contrast is evaluated with each candidate code's own (a thoracic
    case suggests thoracic codes only); the others hold or fail alike for every code."""
    policy = c.policy
    requested = policy.codes[cpt]
    states: dict[tuple[str, str, str], Env] = {(requested.region, requested.modality, requested.contrast): env}
    by_code: dict[str, Env] = {}

    def state_for(code: str) -> Env:
        found = by_code.get(code)
        if found is not None:
            return found
        cd = policy.codes[code]
        key = (cd.region, cd.modality, cd.contrast)
        found = states.get(key)
        if found is None:
            facts = {**env.facts, "request_region": cd.region, "request_modality": cd.modality,
                     "request_contrast": cd.contrast}
            out = list(env.out)  # results that do not depend on the code carry over
            for k in c.code_dependent:
                out[k] = UNSET
            found = states[key] = Env(facts=facts, request_date=env.request_date, out=out, cutoffs=env.cutoffs)
        by_code[code] = found
        return found

    def value(state: Env, root: int) -> Any:
        v = state.out[root]
        return c.fns[root](state) if v is UNSET else v

    dependent = c.code_dependent_set
    known = env.facts.keys()  # the same facts in every state (only request_* values differ)
    out: dict[str, tuple[int, Env]] = {}
    for i in c.pathways_with_required(known):
        p = policy.pathways[i]
        root = c.pathway_roots[i]
        shared = root not in dependent
        if shared and value(env, root) is not True:
            continue
        for code in p.cpt:
            if code == cpt or code in out:
                continue
            state = env if shared else state_for(code)
            if (shared or value(state, root) is True) and _not_excluded(c, env, code, state_for):
                out[code] = (i, state)
    return [(code, i, state) for code, (i, state) in out.items()]


def _not_excluded(c: CompiledPolicy, env: Env, code: str, state_for: Any) -> bool:
    """No exclusion holds (or must first be ruled out) and no redirect applies for ``code``."""
    plan = c.plan(code)
    policy = c.policy
    items = [(policy.exclusions[i], root) for i, root, always in plan.exclusions if always]
    items += [(policy.redirects[i], root) for i, root in plan.redirects]
    for item, root in items:
        if root is None:
            return False
        state = state_for(code) if root in c.code_dependent_set else env
        v = state.out[root]
        if v is UNSET:
            v = c.fns[root](state)
        if v is True or (v is None and _blocks(c, state, item, root)):
            return False
    return True
