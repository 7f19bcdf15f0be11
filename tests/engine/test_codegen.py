"""The generated node functions agree with a plain recursive Kleene evaluator, node by node,
on every vignette of every bundled policy and on the demo policy."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from spinecheck import logic
from spinecheck.engine.compiled import UNSET, CompiledPolicy, Env
from spinecheck.engine.determine import compile_policy
from spinecheck.models import Request
from spinecheck.policy import load_policy, load_vignettes, policy_ids
from spinecheck.review import gather_facts


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
def test_every_node_agrees_with_the_reference_on_every_vignette(pid: str) -> None:
    policy = load_policy(pid)
    c = compile_policy(policy)
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


def test_short_circuit_leaves_skipped_children_unset() -> None:
    c = compile_policy(load_policy("evicore-spine-2026"))
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


def test_generated_source_is_kept_and_names_each_node(demo_policy) -> None:
    c = compile_policy(demo_policy)
    for node in c.nodes:
        assert f"def n{node.idx}(env):" in c.source
