"""The compiled steps agree with plain references (a recursive Kleene evaluator, plain loops),
node by node, on every vignette of every bundled policy and on the demo policy: both
implementations of the steps, the generated Python and the C extension (when built)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from spinecheck import logic
from spinecheck.engine.compiled import UNSET, CompiledPolicy, Env
from spinecheck.engine.native import available
from spinecheck.models import Request
from spinecheck.policy import load_policy, load_vignettes, policy_ids
from spinecheck.review import gather_facts


BACKENDS = ["python", "native"] if available() else ["python"]
_COMPILED: dict[tuple[str, str], CompiledPolicy] = {}


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def compiled(policy: Any, backend: str) -> CompiledPolicy:
    """The policy compiled with ``backend``'s steps (once per test session)."""
    key = (policy.content_hash, backend)
    if key not in _COMPILED:
        _COMPILED[key] = CompiledPolicy(policy, backend=backend)
    return _COMPILED[key]


def reference(c: CompiledPolicy, env: Env, idx: int) -> Any:
    """The truth value of node ``idx`` straight from the definitions (no short-circuit)."""
    node = c.nodes[idx]
    kids = [reference(c, env, k) for k in node.children]
    if node.kind == "all":
        v = logic.all_of(kids)
    elif node.kind == "any":
        v = logic.any_of(kids)
    elif node.kind == "not":
        v = logic.not_(kids[0])
    elif node.kind == "at_least":
        v = logic.at_least(node.at_least or 1, kids)
    else:
        v = _test(c, env, node)
    if v is None and node.ruled_out_by and env.facts.get(node.ruled_out_by) is True:
        v = False
    return v


def _test(c: CompiledPolicy, env: Env, node: Any) -> Any:
    x = env.facts.get(node.fact)
    fact = c.policy.facts[node.fact]
    if x is None:
        return None
    if fact.type == "date":
        return c.fns[node.idx](env)  # calendar arithmetic: one shared implementation
    y = env.facts.get(node.value_fact) if node.value_fact else c._constant_of(node)
    if y is None:
        return None
    return {
        "eq": lambda: x == y, "ne": lambda: x != y, "gt": lambda: x > y, "ge": lambda: x >= y,
        "lt": lambda: x < y, "le": lambda: x <= y, "in": lambda: x in y, "not_in": lambda: x not in y,
        "has": lambda: y in x, "has_any": lambda: bool(x & y), "has_all": lambda: y <= x,
        "has_none": lambda: not (x & y),
    }[node.op or "eq"]()


def _cases() -> list[tuple[str, str, dict[str, Any]]]:
    return [(pid, v.id, v.request) for pid in policy_ids() for _, v in load_vignettes(pid)]


@pytest.mark.parametrize("pid", policy_ids())
def test_every_node_agrees_with_the_reference_on_every_vignette(pid: str, backend: str) -> None:
    policy = load_policy(pid)
    c = compiled(policy, backend)
    checked = 0
    for _, v in load_vignettes(pid):
        request = Request.model_validate({"policy": pid, "id": v.id, **v.request})
        facts = gather_facts(request, policy)
        env = Env(facts=facts.values, request_date=request.date, out=[UNSET] * c.size, cutoffs={})
        for idx in range(c.size):  # in index order: children are often evaluated first
            got = env.out[idx] if env.out[idx] is not UNSET else c.fns[idx](env)
            assert got is reference(c, env, idx), (v.id, c.nodes[idx].id)
            checked += 1
    assert checked > 0


def test_short_circuit_leaves_skipped_children_unset(backend: str) -> None:
    c = compiled(load_policy("evicore-spine-2026"), backend)
    node = next(n for n in c.nodes if n.kind == "all" and len(n.children) > 1 and _yes_no(c, c.nodes[n.children[0]]))
    first = c.nodes[node.children[0]]
    # the first child is false: the others are not evaluated
    facts = {first.fact: not c._constant_of(first)}
    env = Env(facts=facts, request_date=dt.date(2026, 10, 1), out=[UNSET] * c.size, cutoffs={})
    assert c.fns[node.idx](env) is False
    assert env.out[first.idx] is False
    assert all(env.out[k] is UNSET for k in node.children[1:])


def _yes_no(c: CompiledPolicy, node: Any) -> bool:
    return (node.kind == "fact" and not node.ruled_out_by and node.op in (None, "eq")
            and c.policy.facts[node.fact].type == "bool")


def test_generated_source_is_kept_and_names_each_node(demo_policy, backend: str) -> None:
    c = compiled(demo_policy, backend)
    for node in c.nodes:
        assert f"def n{node.idx}(env):" in c.source


# --- the other generated functions, each against a plain reference -------------------------------

def _states(pid: str, backend: str) -> list[tuple[CompiledPolicy, Any, Env, str]]:
    """(compiled policy, facts, state after evaluating every root for the request's code) per
    vignette whose code the policy governs."""
    policy = load_policy(pid)
    c = compiled(policy, backend)
    found = []
    for _, v in load_vignettes(pid):
        request = Request.model_validate({"policy": pid, "id": v.id, **v.request})
        if not policy.governs(request.cpt):
            continue
        facts = gather_facts(request, policy)
        env = Env(facts=facts.values, request_date=request.date, out=[UNSET] * c.size, cutoffs={})
        plan = c.plan(request.cpt)
        roots = [r for _, r in plan.notes] + [i.root for i in (*plan.redirects, *plan.always, *plan.when_no_pathway)]
        roots += [c.pathway_roots[i] for i in plan.pathways]
        for root in roots:
            if root is not None:
                c.fns[root](env)
        found.append((c, facts, env, request.cpt))
    return found


@pytest.mark.parametrize("pid", policy_ids())
def test_leaf_scans_count_the_leaves_the_reference_finds_met(pid: str, backend: str) -> None:
    for c, _, env, _ in _states(pid, backend):
        scratch = Env(facts=env.facts, request_date=env.request_date, out=list(env.out), cutoffs={})
        derived = {n for n, f in c.policy.facts.items() if f.derived}
        for root, scan in c.scans.items():
            leaves = c.leaves(root)
            met = [k for k in leaves if reference(c, scratch, k) is True]
            own = [k for k in met if c.nodes[k].fact not in derived]
            assert scan(scratch) == (len(met), len(own)), c.nodes[root].id


def _ruled_out_reference(c: CompiledPolicy, out: list[Any], implied: frozenset[str], idx: int, status: Any) -> bool:
    node = c.nodes[idx]
    if node.ruled_out_by:
        return True
    if node.kind == "fact":
        return node.fact in implied
    if node.kind == "not":
        return False
    if node.kind == "any":
        return all(out[k] is True or _ruled_out_reference(c, out, implied, k, status) for k in node.children)
    kids = [k for k in node.children if out[k] is status]
    return bool(kids) and all(_ruled_out_reference(c, out, implied, k, status) for k in kids)


@pytest.mark.parametrize("pid", policy_ids())
def test_ruled_out_checks_agree_with_the_recursive_definition(pid: str, backend: str) -> None:
    checked = 0
    for c, facts, env, _ in _states(pid, backend):
        implied = facts.implied_names()
        for root in c.pathway_roots:
            status = env.out[root]
            if status is UNSET or status is True:
                continue
            assert c.ruled_out[root](env.out, status, implied) is _ruled_out_reference(c, env.out, implied, root, status)
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("pid", policy_ids())
def test_decision_prelude_agrees_with_a_plain_loop_and_leaves_the_same_state(pid: str, backend: str) -> None:
    for c, facts, env, cpt in _states(pid, backend):
        plan = c.plan(cpt)
        state = Env(facts=facts.values, request_date=env.request_date, out=[UNSET] * c.size, cutoffs={})
        notes, decided, redirects, exclusions, first = c.decide(cpt)(state)
        plain = Env(facts=facts.values, request_date=env.request_date, out=[UNSET] * c.size, cutoffs={})
        assert notes == [i for i, root in plan.notes if root is None or c.fns[root](plain) is True]
        expected: Any = None
        values = []
        for role, items in (("redirect", plan.redirects), ("exclusion", plan.always)):
            for item in items:
                v = True if item.root is None else c.fns[item.root](plain)
                if v is True:
                    expected = (role, item.index)
                    break
                values.append(v)
            if expected:
                break
        assert decided == expected
        assert (redirects or []) + (exclusions or []) == values
        if expected is None:
            known = plain.facts.keys()
            met = next((i for i in plan.pathways if c.pathway_required[i] <= known
                        and c.fns[c.pathway_roots[i]](plain) is True), None)
            assert first == met
        # the same criteria were evaluated, with the same values
        assert [v is UNSET for v in state.out] == [v is UNSET for v in plain.out]
        assert [v for v in state.out if v is not UNSET] == [v for v in plain.out if v is not UNSET]


@pytest.mark.parametrize("pid", policy_ids())
def test_suggestion_pass_lists_what_a_plain_loop_finds(pid: str, backend: str) -> None:
    for c, facts, env, _ in _states(pid, backend):
        state = Env(facts=facts.values, request_date=env.request_date, out=list(env.out), cutoffs={})
        plain = Env(facts=facts.values, request_date=env.request_date, out=list(env.out), cutoffs={})
        expected = []
        for i, root in enumerate(c.pathway_roots):
            if not c.pathway_required[i] <= plain.facts.keys():
                continue
            if root in c.code_dependent_set:
                expected.append(i)
            elif (plain.out[root] if plain.out[root] is not UNSET else c.fns[root](plain)) is True:
                expected.append(i)
        assert c.holding(state) == expected
        assert [v is UNSET for v in state.out] == [v is UNSET for v in plain.out]


def test_evaluation_order_does_not_change_what_is_known(backend: str) -> None:
    """The criteria known after several evaluations are the union of what each visits: the
    relevance and the pend questions read the same state whatever the order."""
    for c, facts, env, cpt in _states("evicore-spine-2026", backend)[:40]:
        roots = [r for r in (*c.pathway_roots, *c.exclusion_roots) if r is not None]
        backwards = Env(facts=facts.values, request_date=env.request_date, out=[UNSET] * c.size, cutoffs={})
        forwards = Env(facts=facts.values, request_date=env.request_date, out=[UNSET] * c.size, cutoffs={})
        for root in roots:
            c.fns[root](forwards)
        for root in reversed(roots):
            c.fns[root](backwards)
        assert forwards.out == backwards.out


@pytest.mark.parametrize("pid", policy_ids())
def test_a_result_known_without_the_requested_code_holds_for_every_code(pid: str, backend: str) -> None:
    """Suggestions judge a pathway that depends on the code once with the code unknown (Kleene
    logic is monotone): a true or false there must be the value for every code."""
    from spinecheck.engine.suggest import _States

    for c, _, env, cpt in _states(pid, backend):
        states = _States(c, env, cpt)
        blind = states.blind()
        for root in c.blind_safe_roots:
            known = c.fns[root](blind)
            if known is None:
                continue
            for code in c.policy.codes:
                state = states.for_code(code)
                assert c.fns[root](state) is known, (c.nodes[root].id, code)


def _arguing_leaves(c: CompiledPolicy, idx: int, positive: bool = True) -> list[int]:
    """Reference: the leaf criteria under ``idx`` not beneath an odd number of negations."""
    node = c.nodes[idx]
    if node.kind == "fact" or node.ruled_out_by:
        return [idx] if positive else []
    found: list[int] = []
    for k in node.children:
        for leaf in _arguing_leaves(c, k, positive != (node.kind == "not")):
            if leaf not in found:
                found.append(leaf)
    return found


@pytest.mark.parametrize("pid", policy_ids())
def test_suggesting_scans_count_only_the_criteria_that_argue_for_the_rule(pid: str, backend: str) -> None:
    c = compiled(load_policy(pid), backend)
    assert c.suggesting, "the bundled policies have when_suggested exclusions and redirects"
    negated = 0
    for c, _, env, _ in _states(pid, backend):
        scratch = Env(facts=env.facts, request_date=env.request_date, out=list(env.out), cutoffs={})
        for root, scan in c.suggesting.items():
            arguing = _arguing_leaves(c, root)
            negated += len(c.leaves(root)) - len(arguing)
            met = [k for k in arguing if reference(c, scratch, k) is True]
            assert scan(scratch) == (len(met), 0), c.nodes[root].id
    assert negated, "some when_suggested rule has a criterion beneath a negation"


def test_a_counter_never_shadows_a_date_test_of_the_same_number() -> None:
    """`at_least` counts in locals named by depth; date tests are globals named by node. Node 1
    (a date test) and an `at_least` at depth 1 in the same function once shared the name `t1`
    (found by tests/engine/test_native_random.py)."""
    from spinecheck.engine import codegen
    from spinecheck.engine.compiled import CNode, _date_test

    on = dt.date(2026, 10, 1)
    nodes = [
        CNode(idx=0, id="a", text="a", cite="T-1", kind="fact", children=(), fact="a", op="eq", value=True),
        CNode(idx=1, id="d", text="d", cite="T-1", kind="fact", children=(), fact="d", op="within_last", value="6 weeks"),
        CNode(idx=2, id="two", text="one of", cite="T-1", kind="at_least", children=(0, 1), at_least=1),
        CNode(idx=3, id="top", text="both", cite="T-1", kind="all", children=(1, 2)),
    ]
    generated = codegen.generate(nodes, constant=lambda n: n.value, date_test=_date_test,
                                 is_date=lambda n: n.fact == "d", unset=UNSET)
    env = Env(facts={"a": False, "d": on - dt.timedelta(days=10)}, request_date=on, out=[UNSET] * 4, cutoffs={})
    assert generated.fns[3](env) is True
    assert env.out == [False, True, True, True]
