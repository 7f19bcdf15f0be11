"""Codes other than the requested one that the policy supports for a case (``suggested_cpt``),
and whether an unknown exclusion or redirect must be settled before approving.

A pathway that reads the requested code's region, modality or contrast is evaluated with each
candidate code's own (a thoracic case suggests thoracic codes only); the others hold or fail
alike for every code, and are evaluated once, in the request's own evaluation state."""

from __future__ import annotations

from typing import Any, Callable

from .compiled import UNSET, CompiledPolicy, Env
from .plan import Item


def holds_approval(c: CompiledPolicy, env: Env, item: Item) -> bool:
    """Whether the unknown exclusion or redirect ``item`` must be settled before approving:
    always when it must be ruled out, and for ``when_suggested`` once some criterion of it is
    known to hold (it is completed in ``env`` to see that)."""
    rule = item.must_rule_out
    if not rule:
        return False
    if rule is True or item.root is None:
        return True
    c.force(env, item.root)
    return c.scans[item.root](env)[0] > 0


def suggestions(c: CompiledPolicy, env: Env, cpt: str) -> list[tuple[str, int, Env]]:
    """Codes other than ``cpt`` that a pathway supports for this case, each with the pathway
    and the evaluation state in which it holds, in policy order of the pathways."""
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

    fns, out_env = c.fns, env.out
    plan = c.suggestion_plan(cpt)
    others, code_tests, code_view, blind_safe = plan.others, plan.code_tests, plan.code_view, plan.blind_safe
    blind: list[Env] = []  # the case without the requested code (made when first needed)
    found: dict[str, tuple[int, Env]] = {}
    for i in c.holding(env):  # the same facts are known in every state
        entry = others.get(i)
        if entry is None:  # supports only the requested code
            continue
        root, shared, codes = entry
        if shared:  # holds, whatever the code: evaluated in the request's own state
            for code in codes:
                if code not in found and not_excluded(c, env, code, state_for):
                    found[code] = (i, env)
            continue
        if root in blind_safe:  # not met even without knowing the code: not met for any code
            if not blind:
                blind.append(_without_code(c, env))
            v = blind[0].out[root]
            if (fns[root](blind[0]) if v is UNSET else v) is False:
                continue
        view, verdicts = code_view[root], {}  # codes alike in what the pathway reads share its result
        for code in codes:
            if code in found:
                continue
            v = verdicts.get(view[code], UNSET)
            if v is UNSET:
                state = state_for(code)
                v = state.out[root]
                if v is UNSET:
                    v = fns[root](state)
                    if v is not True and _code_unread(state, code_tests[root]):
                        break  # decided without reading the code: not met for any code
                verdicts[view[code]] = v
            if v is not True:
                continue
            state = state_for(code)
            if state.out[root] is UNSET:
                fns[root](state)  # a suggestion's trace is read in its own state
            if not_excluded(c, env, code, state_for):
                found[code] = (i, state)
    return [(code, i, state) for code, (i, state) in found.items()]


def _without_code(c: CompiledPolicy, env: Env) -> Env:
    """A state of the case in which the requested code's region, modality and contrast are
    unknown."""
    facts = dict(env.facts)
    for name in ("request_region", "request_modality", "request_contrast"):
        facts.pop(name, None)
    out = list(env.out)
    for k in c.code_dependent:
        out[k] = UNSET
    return Env(facts=facts, request_date=env.request_date, out=out, cutoffs=env.cutoffs)


def _code_unread(state: Env, tests: tuple[tuple[int, str | None], ...]) -> bool:
    """No test of the requested code among ``tests`` read it in ``state``: none was evaluated,
    or only with the case's side unknown (they were all unevaluated before)."""
    out, facts = state.out, state.facts
    for k, case_fact in tests:
        if out[k] is not UNSET and (case_fact is None or facts.get(case_fact) is not None):
            return False
    return True


def not_excluded(c: CompiledPolicy, env: Env, code: str, state_for: Callable[[str], Env]) -> bool:
    """No exclusion holds (or must first be ruled out) and no redirect applies for ``code``."""
    plan = c.plan(code)
    dependent, fns = c.code_dependent_set, c.fns
    for item in (*plan.always, *plan.redirects):
        root = item.root
        if root is None:
            return False
        state = state_for(code) if root in dependent else env
        v: Any = state.out[root]
        if v is UNSET:
            v = fns[root](state)
        if v is True or (v is None and holds_approval(c, state, item)):
            return False
    return True
