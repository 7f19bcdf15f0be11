"""Codes other than the requested one that the policy supports for a case (``suggested_cpt``),
and whether an unknown exclusion or redirect must be settled before approving.

A pathway that reads the requested code's region, modality or contrast is evaluated with each
candidate code's own (a thoracic case suggests thoracic codes only); the others hold or fail
alike for every code, and are evaluated once, in the request's own evaluation state."""

from __future__ import annotations

from typing import Any

from .compiled import UNSET, CompiledPolicy, Env
from .plan import Item


def holds_approval(c: CompiledPolicy, env: Env, item: Item) -> bool:
    """Whether the unknown exclusion or redirect ``item`` must be settled before approving:
    always when it must be ruled out, and for ``when_suggested`` once some criterion arguing for
    it (not beneath a negation) is known to hold (it is completed in ``env`` to see that)."""
    rule = item.must_rule_out
    if not rule:
        return False
    if rule is True or item.root is None:
        return True
    c.force(env, item.root)
    return c.suggesting[item.root](env)[0] > 0


class _States:
    """The evaluation states of one case for other codes than the requested one: one per
    region, modality and contrast (made when first needed, from the request's own state, whose
    results that do not depend on the code carry over), and one without the code at all."""

    def __init__(self, c: CompiledPolicy, env: Env, cpt: str):
        self.c, self.env = c, env
        requested = c.policy.codes[cpt]
        self.states: dict[tuple[str, str, str], Env] = {(requested.region, requested.modality, requested.contrast): env}
        self.by_code: dict[str, Env] = {}
        self._blind: Env | None = None

    def for_code(self, code: str) -> Env:
        found = self.by_code.get(code)
        if found is None:
            cd = self.c.policy.codes[code]
            key = (cd.region, cd.modality, cd.contrast)
            found = self.states.get(key)
            if found is None:
                facts = {**self.env.facts, "request_region": cd.region, "request_modality": cd.modality,
                         "request_contrast": cd.contrast}
                found = self.states[key] = self._derived(facts)
            self.by_code[code] = found
        return found

    def blind(self) -> Env:
        """The case with the requested code's region, modality and contrast unknown."""
        if self._blind is None:
            facts = dict(self.env.facts)
            for name in ("request_region", "request_modality", "request_contrast"):
                facts.pop(name, None)
            self._blind = self._derived(facts)
        return self._blind

    def _derived(self, facts: dict[str, Any]) -> Env:
        return Env(facts, self.env.request_date, self.c.without_code(self.env.out), self.env.cutoffs)

    def value(self, code: str, root: int) -> Any:
        """The value of ``root`` (that depends on the code) for ``code``: without the code when
        that is final (Kleene logic is monotone: true or false stays so once the code is known,
        see ``CompiledPolicy.blind_safe``), else in the code's own state."""
        c = self.c
        if root in c.blind_safe_roots:
            state = self.blind()
            v = state.out[root]
            if v is UNSET:
                v = c.fns[root](state)
            if v is not None:
                return v
        state = self.for_code(code)
        v = state.out[root]
        return c.fns[root](state) if v is UNSET else v


def suggestions(c: CompiledPolicy, env: Env, cpt: str) -> list[tuple[str, int, Env]]:
    """Codes other than ``cpt`` that a pathway supports for this case, each with the pathway
    and the evaluation state in which it holds, in policy order of the pathways."""
    if c.native is not None:  # the same steps in C
        return c.native.suggestions(c, cpt)(env)
    states = _States(c, env, cpt)
    fns = c.fns
    plan = c.suggestion_plan(cpt)
    others, code_tests, code_view, blind_safe = plan.others, plan.code_tests, plan.code_view, c.blind_safe_roots
    found: dict[str, tuple[int, Env]] = {}
    for i in c.holding(env):  # the same facts are known in every state
        entry = others.get(i)
        if entry is None:  # supports only the requested code
            continue
        root, shared, codes = entry
        if shared:  # holds, whatever the code: evaluated in the request's own state
            for code in codes:
                if code not in found and not_excluded(c, env, code, states):
                    found[code] = (i, env)
            continue
        if root in blind_safe:  # not met even without knowing the code: not met for any code
            blind = states.blind()
            v = blind.out[root]
            if (fns[root](blind) if v is UNSET else v) is False:
                continue
        view, verdicts = code_view[root], {}  # codes alike in what the pathway reads share its result
        for code in codes:
            if code in found:
                continue
            v = verdicts.get(view[code], UNSET)
            if v is UNSET:
                state = states.for_code(code)
                v = state.out[root]
                if v is UNSET:
                    v = fns[root](state)
                    if v is not True and _code_unread(state, code_tests[root]):
                        break  # decided without reading the code: not met for any code
                verdicts[view[code]] = v
            if v is not True:
                continue
            state = states.for_code(code)
            if state.out[root] is UNSET:
                fns[root](state)  # a suggestion's trace is read in its own state
            if not_excluded(c, env, code, states):
                found[code] = (i, state)
    return [(code, i, state) for code, (i, state) in found.items()]


def _code_unread(state: Env, tests: tuple[tuple[int, str | None], ...]) -> bool:
    """No test of the requested code among ``tests`` read it in ``state``: none was evaluated,
    or only with the case's side unknown (they were all unevaluated before)."""
    out, facts = state.out, state.facts
    for k, case_fact in tests:
        if out[k] is not UNSET and (case_fact is None or facts.get(case_fact) is not None):
            return False
    return True


def not_excluded(c: CompiledPolicy, env: Env, code: str, states: _States) -> bool:
    """No exclusion holds (or must first be ruled out) and no redirect applies for ``code``."""
    plan = c.plan(code)
    dependent, fns = c.code_dependent_set, c.fns
    for item in (*plan.always, *plan.to_suggestions, *plan.redirects):
        root = item.root
        if root is None:
            return False
        if root in dependent:
            v: Any = states.value(code, root)
            if v is True or (v is None and holds_approval(c, states.for_code(code), item)):
                return False
            continue
        v = env.out[root]
        if v is UNSET:
            v = fns[root](env)
        if v is True or (v is None and holds_approval(c, env, item)):
            return False
    return True
