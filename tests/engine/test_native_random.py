"""The C steps against the generated Python ones on random criteria graphs, not only on the
bundled policies: policies are data, and a new policy may combine kinds, operators, shared
definitions and ruled-out groups in ways the bundled ones do not. Each seed builds a random
graph over facts of every type (yes/no, number, enum, set, date, and a comparison of two
facts), then evaluates random roots in random order over random facts with both
implementations, comparing every value returned and the whole evaluation state after each step;
the leaf scans, ruled-out checks and decision preludes are compared the same way."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from spinecheck.engine import codegen, native
from spinecheck.engine.compiled import UNSET, CNode, Env, _date_test, date_parts
from spinecheck.engine.native import NativeSteps

pytestmark = pytest.mark.skipif(not native.available(), reason="the C extension is not built here")

ON = dt.date(2026, 10, 1)
ENUM = ("x", "y", "z")
SET = ("p", "q", "r")
NUMBERS = (0.0, 5.0, 6.0, 9.5, 10.0)
BLANKET = "nothing_else"  # a blanket statement that rules groups out


def _leaf(rng: random.Random, idx: int) -> CNode:
    kind = rng.choice(("bool", "number", "compare", "enum", "set", "date"))
    fact, value_fact = rng.choice(("a", "b")), None
    if kind == "bool":
        op, value = rng.choice(("eq", "ne")), rng.random() < 0.5
    elif kind in ("number", "compare"):
        fact, op = "n", rng.choice(("eq", "ne", "gt", "ge", "lt", "le"))
        value = rng.choice(NUMBERS)
        if kind == "compare":
            value, value_fact = None, "m"
    elif kind == "enum":
        fact, op = "e", rng.choice(("eq", "ne", "in", "not_in"))
        value = rng.choice(ENUM) if op in ("eq", "ne") else frozenset(rng.sample(ENUM, rng.randint(1, 3)))
    elif kind == "set":
        fact, op = "s", rng.choice(("has", "has_any", "has_all", "has_none"))
        value = rng.choice(SET) if op == "has" else frozenset(rng.sample(SET, rng.randint(1, 3)))
    else:
        fact, op = "d", rng.choice(("within_last", "at_least_ago", "more_than_ago"))
        value = rng.choice(("6 weeks", "3 months", "1 year", "24 hours"))
    ruled = BLANKET if rng.random() < 0.1 else None
    return CNode(idx=idx, id=f"n{idx}", text=f"test {idx}", cite="T-1", kind="fact", children=(), fact=fact, op=op,
                 value=value, value_fact=value_fact, ruled_out_by=ruled)


def _graph(rng: random.Random, size: int) -> tuple[list[CNode], frozenset[int]]:
    """Random nodes, children before parents (so no cycles); a node may have several parents."""
    nodes: list[CNode] = []
    for idx in range(size):
        if idx < 4 or rng.random() < 0.35:
            nodes.append(_leaf(rng, idx))
            continue
        kind = rng.choice(("all", "any", "not", "at_least"))
        count = 1 if kind == "not" else rng.randint(1, min(4, idx))
        children = tuple(rng.sample(range(idx), count))
        nodes.append(CNode(idx=idx, id=f"n{idx}", text=f"group {idx}", cite="T-1", kind=kind, children=children,
                           at_least=rng.randint(1, count) if kind == "at_least" else None,
                           ruled_out_by=BLANKET if rng.random() < 0.15 else None))
    shared = frozenset(k for k in range(size) if rng.random() < 0.3)
    return nodes, shared


def _facts(rng: random.Random) -> dict[str, Any]:
    candidates: dict[str, Any] = {
        "a": rng.random() < 0.5, "b": rng.random() < 0.5, "n": rng.choice(NUMBERS), "m": rng.choice(NUMBERS),
        "e": rng.choice(ENUM), "s": frozenset(rng.sample(SET, rng.randint(0, 3))),
        "d": ON - dt.timedelta(days=rng.choice((-3, 0, 1, 41, 42, 43, 91, 92, 364, 365, 366, 800))),
        BLANKET: rng.random() < 0.5,
    }
    return {name: value for name, value in candidates.items() if rng.random() < 0.7}


def _is_date(node: CNode) -> bool:
    return node.fact == "d"


def _both(nodes: list[CNode], shared: frozenset[int], **generated: Any) -> tuple[codegen.Generated, NativeSteps]:
    python = codegen.generate(nodes, constant=lambda n: n.value, date_test=_date_test, is_date=_is_date, unset=UNSET,
                              shared=shared, **generated)
    c = NativeSteps(nodes, UNSET, shared, lambda n: n.value, _date_test, date_parts, _is_date, Env)
    return python, c


def _state(out: list[Any]) -> list[Any]:
    return ["unset" if v is UNSET else v for v in out]


def _env(facts: dict[str, Any], size: int) -> Env:
    return Env(dict(facts), ON, [UNSET] * size, {})


@pytest.mark.parametrize("seed", range(60))
def test_random_graphs_evaluate_alike(seed: int) -> None:
    rng = random.Random(seed)
    nodes, shared = _graph(rng, rng.randint(5, 60))
    python, c = _both(nodes, shared)
    for _ in range(25):
        facts = _facts(rng)
        slow, fast = _env(facts, len(nodes)), _env(facts, len(nodes))
        for root in rng.sample(range(len(nodes)), rng.randint(1, len(nodes))):
            assert c.fns[root](fast) is python.fns[root](slow), (seed, root)
            assert _state(fast.out) == _state(slow.out), (seed, root)


@pytest.mark.parametrize("seed", range(60))
def test_random_scans_and_ruled_out_checks_agree(seed: int) -> None:
    rng = random.Random(1000 + seed)
    nodes, shared = _graph(rng, rng.randint(5, 50))
    roots = tuple(rng.sample(range(len(nodes)), min(5, len(nodes))))
    scans = {r: (tuple(rng.sample(range(len(nodes)), rng.randint(0, len(nodes)))), frozenset()) for r in roots}
    scans = {r: (leaves, frozenset(k for k in leaves if rng.random() < 0.5)) for r, (leaves, _) in scans.items()}
    python, c = _both(nodes, shared, scans=scans, ruled_out=roots)
    native_scans = {r: c.scan(*scans[r]) for r in roots}
    native_ruled = {r: c.ruled(r) for r in roots}
    for _ in range(20):
        facts = _facts(rng)
        state = _env(facts, len(nodes))
        for k in rng.sample(range(len(nodes)), rng.randint(0, len(nodes))):  # some of it evaluated
            python.fns[k](state)
        implied = frozenset(name for name in "abnmesd" if rng.random() < 0.4)
        for r in roots:
            slow, fast = Env(state.facts, ON, list(state.out), {}), Env(state.facts, ON, list(state.out), {})
            assert native_scans[r](fast) == python.scans[r](slow), (seed, r)
            assert _state(fast.out) == _state(slow.out), (seed, r)
            for status in (False, None):
                assert native_ruled[r](state.out, status, implied) is python.ruled_out[r](state.out, status, implied)


@pytest.mark.parametrize("seed", range(40))
def test_random_decision_preludes_agree(seed: int) -> None:
    rng = random.Random(2000 + seed)
    nodes, shared = _graph(rng, rng.randint(8, 60))
    python, c = _both(nodes, shared)

    def entries(n: int) -> tuple[tuple[int, int | None], ...]:
        return tuple((i, None if rng.random() < 0.1 else rng.randrange(len(nodes))) for i in range(n))

    candidates = tuple(codegen.Candidate(i, rng.randrange(len(nodes)), tuple(rng.sample("abnmesd", rng.randint(0, 3))),
                                         True) for i in range(rng.randint(0, 6)))
    prelude = codegen.Prelude(entries(rng.randint(0, 3)), entries(rng.randint(0, 3)), entries(rng.randint(0, 4)),
                              candidates)
    slow_decide = python.generator.add(python.generator.decide("decide", prelude))["decide"]
    fast_decide = c.decide(*prelude)
    slow_holding = python.generator.add(python.generator.holding(candidates))["holding"]
    fast_holding = c.holding(candidates)
    for _ in range(20):
        facts = _facts(rng)
        slow, fast = _env(facts, len(nodes)), _env(facts, len(nodes))
        assert fast_decide(fast) == slow_decide(slow), seed
        assert _state(fast.out) == _state(slow.out), seed
        assert fast_holding(fast) == slow_holding(slow), seed
        assert _state(fast.out) == _state(slow.out), seed
