"""From facts to a determination under one policy.

Order of decision (see docs/engine.md):
1. the code is not governed -> out_of_scope (where it goes);
2. a redirect holds -> out_of_scope (the other guideline);
3. an `always` exclusion holds -> not_met (referral to a physician reviewer), with the codes that
   do hold for the case suggested;
4. a pathway supporting the code holds -> approve, unless a must-rule-out exclusion is unknown
   -> pend on it;
5. a pathway supporting the code is unknown -> pend, listing exactly the unknown facts that
   could still make one true;
6. otherwise not_met, with the failing criteria of the most relevant pathway and the codes whose
   pathways do hold for this case as suggestions.

Only what a step needs is evaluated before it: exclusions that merely explain a not_met wait
until no pathway is met. The evaluation state (which criteria are known) that relevance and the
pend questions read is the same whatever the order of evaluation (see ``codegen``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..policy.model import Policy
from .compiled import UNSET, CompiledPolicy, Env
from .facts import FactSet
from .questions import missing as missing_questions
from .relevance import RuledOut, best_explanation, rank_open
from .result import Result
from .suggest import suggestions

_COMPILED: dict[str, CompiledPolicy] = {}


def compile_policy(policy: Policy) -> CompiledPolicy:
    """The compiled form of ``policy``, built once per content hash."""
    found = _COMPILED.get(policy.content_hash)
    if found is None:
        found = _COMPILED[policy.content_hash] = CompiledPolicy(policy)
    return found


def determine(policy: Policy, request_id: str, cpt: str, request_date: dt.date, facts: FactSet) -> Result:
    """Evaluate ``facts`` for ``cpt`` under ``policy``. Pure: no I/O, no clock."""
    c = compile_policy(policy)
    if not policy.governs(cpt):
        goes_to = c.elsewhere_for(cpt)
        return Result(request_id, c, cpt, "out_of_scope", goes_to,
                      f"{cpt} is not governed by {c.title} ({policy.id}); it belongs to {goes_to}.", [], [], facts)

    env = Env(facts.values, request_date, [UNSET] * c.size, {})
    notes: list[int] = []

    def result(outcome: str, guideline: str | None, summary: str, suggested: list[str] | None = None,
               missing: list[tuple[str, str]] | None = None, entries: list[tuple] | None = None) -> Result:
        return Result(request_id, c, cpt, outcome, guideline, summary, suggested or [], missing or [], facts,
                      env.out, entries or [], notes, env)

    plan = c.plan(cpt)
    fns = c.fns
    # 2.-4. notes, redirects, exclusions that hold whatever else is met, the first pathway met
    # (only pathways whose required facts are all known can be): one generated step per code
    note_ids, decided, redirect_values, exclusion_values, first = c.decide(cpt)(env)
    notes.extend(note_ids)
    if decided is not None:
        role, i = decided
        if role == "redirect":
            r = policy.redirects[i]
            return result("out_of_scope", r.goes_to,
                          f"{r.title}: this situation is governed by {r.goes_to} ({r.cite}), not by these criteria.",
                          entries=[("redirect", i, True)])
        e = policy.exclusions[i]
        alternatives = suggestions(c, env, cpt)  # what the policy does support for this case
        suggested = [code for code, _, _ in alternatives]
        supporting = [("pathway", alternatives[0][1], True, alternatives[0][2])] if alternatives else []
        return result("not_met", e.cite,
                      f"Not supported: {e.title} ({e.cite})."
                      + (f" The policy supports {', '.join(suggested)} for this case." if suggested else "")
                      + " Referred to a physician reviewer; this is not a denial.",
                      suggested=suggested,
                      entries=[("exclusion", i, True)] + supporting + [("pathway", k, False) for k in plan.pathways])
    if first is not None:
        return _approve(c, env, plan, first, exclusion_values, redirect_values, result)

    # 5. no pathway holds: the open ones decide between pend and not_met
    explaining = []  # exclusions that only explain a not_met
    for item in plan.when_no_pathway:
        if item.root is None or fns[item.root](env) is True:
            explaining.append(("exclusion", item.index, True))
    path_values = list(zip(plan.pathways, c.values_of(plan.pathway_root_tuple)(env)))
    open_ = [i for i, v in path_values if v is None]
    if open_:
        return _pend(c, env, facts, cpt, open_, path_values, result)
    return _not_met(c, env, facts, cpt, path_values, explaining, result)


def _approve(c: CompiledPolicy, env: Env, plan: Any, first: int, exclusion_values: list[Any],
             redirect_values: list[Any], result: Any) -> Result:
    """Approve on pathway ``first``, unless an unknown exclusion or redirect must first be ruled
    out: then pend on it."""
    policy = c.policy
    held = []
    suggestive = []  # unknown `when_suggested` ones: completed when a pend reads them
    # only the exclusions and redirects that must be ruled out when unknown can hold it
    for role, values, blocking in (("exclusion", exclusion_values, plan.always_blocking),
                                   ("redirect", redirect_values, plan.redirects_blocking)):
        for position, item in blocking:
            if values[position] is None:
                if item.must_rule_out == "when_suggested" and item.root is not None:
                    suggestive.append(item.root)
                    if not c.suggesting[item.root](env)[0]:  # nothing arguing for it is known to hold yet
                        continue
                held.append((role, item))
    entries = list(plan.approved_entries[first])
    p = policy.pathways[first]
    if not held:
        return result("approve", p.cite, f"Meets {p.cite}: {p.title}.", entries=entries)
    for root in suggestive:
        c.force(env, root)
    rules = [policy.exclusions[item.index] if role == "exclusion" else policy.redirects[item.index] for role, item in held]
    missing = missing_questions(c, env, [item.root for _, item in held if item.root is not None], lead=len(held))
    titles = "; ".join(rule.title for rule in rules)
    return result("pend", rules[0].cite,
                  f"{p.title} ({p.cite}) is met, but it must first be ruled out that: {titles}. "
                  f"{_n_questions(missing)} would decide it.",
                  missing=missing, entries=[(role, item.index, True) for role, item in held] + entries)


def _pend(c: CompiledPolicy, env: Env, facts: FactSet, cpt: str, open_: list[int], path_values: list,
          result: Any) -> Result:
    """Pend on the open pathways: the questions that could still decide one."""
    policy = c.policy
    open_, close = rank_open(c, env, open_, RuledOut(c, env, facts))
    # the lead: pathways tied for closest, and the others of their sections
    top = close[open_[0]]
    section = c.pathway_section
    sections = {section[i] for i in open_ if close[i] == top}
    open_.sort(key=lambda i: section[i] not in sections)  # stable
    leading = [i for i in open_ if section[i] in sections]
    missing = missing_questions(c, env, [c.pathway_roots[i] for i in open_], lead=len(leading))
    lead = set(leading)
    entries = [("pathway", i, i in lead) for i, _ in path_values]
    return result("pend", policy.pathways[open_[0]].cite,
                  f"Documentation missing: {_n_questions(missing)} could decide {cpt} under "
                  + _some(list(dict.fromkeys(policy.pathways[i].cite for i in open_))) + ".",
                  missing=missing, entries=entries)


def _not_met(c: CompiledPolicy, env: Env, facts: FactSet, cpt: str, path_values: list, explain: list,
             result: Any) -> Result:
    """Not met: explained by the most relevant pathway, with the codes that do hold suggested."""
    policy = c.policy
    alternatives = suggestions(c, env, cpt)
    suggested = [code for code, _, _ in alternatives]
    if path_values:
        best = best_explanation(c, env, [i for i, _ in path_values], RuledOut(c, env, facts))
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


def _some(items: list[str], shown: int = 5) -> str:
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


def _n_questions(missing: list[tuple[str, str]]) -> str:
    return f"{len(missing)} question" + ("" if len(missing) == 1 else "s")


def _failing_texts(c: CompiledPolicy, env: Env, root: int) -> list[str]:
    """Short reasons why ``root`` is false: the deepest false criteria beneath it. A false
    `any` reads "none of (a / b)"; a group ruled out by one statement reads as itself."""
    if c.native is not None:  # the same walk in C
        return list(dict.fromkeys(c.native.failing(env.out, root)))

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
