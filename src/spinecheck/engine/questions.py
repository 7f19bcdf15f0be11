"""The questions a pend asks (see docs/engine.md, "Pend questions"): the unknown facts beneath
unknown criteria, in the order a reviewer would ask them."""

from __future__ import annotations

from typing import Any

from .compiled import ALL, FACT, CompiledPolicy, Env


def missing(c: CompiledPolicy, env: Env, roots: list[int], lead: int = 1) -> list[tuple[str, str]]:
    """The questions whose answers can change the result: the unknown facts under unknown
    nodes, asked in a reviewer's order. For a scenario that is not yet established, its gate
    comes first (its details matter only once it holds). For the first ``lead`` roots (the most
    relevant) the gate is asked as such ("was there trauma?"); for the others one blanket
    question ("does the record exclude what it does not mention?") stands for all of them."""
    catalog = c.policy.facts
    if c.native is not None:  # the same walk in C
        return [(n, catalog[n].question) for n in c.native.questions(env, list(roots), lead)]
    names: dict[str, None] = {}
    seen: tuple[set[int], set[int]] = (set(), set())  # by specific
    facts, out = env.facts, env.out
    kinds, children, ruler_of, tested, fact_ruler = c.kinds, c.children, c.ruler_of, c.tested, c.fact_ruler
    gate_free, findings = c.gate_free, c.group_findings
    gates = _Gates(c, out)
    for position, root in enumerate(roots):
        specific = position < lead
        visited = seen[specific]
        stack = [root]
        while stack:  # depth first, children in order
            idx = stack.pop()
            if out[idx] is not None or idx in visited:
                continue
            visited.add(idx)
            ruler = ruler_of[idx]
            if ruler and ruler not in facts:
                for k in findings[idx]:  # a finding of the group holds: "none of these" cannot
                    if out[k] is True:
                        break
                else:
                    names[ruler] = None  # one question settles the whole group
                    continue
            kind = kinds[idx]
            if kind == FACT:
                for name in tested[idx]:
                    if name not in facts:
                        blanket = fact_ruler.get(name)
                        names[name if specific or not blanket or blanket in facts else blanket] = None
                continue
            if kind == ALL and not gate_free[idx]:
                stack += reversed(gates.to_walk(idx))
            else:
                stack += reversed(children[idx])
    return [(n, catalog[n].question) for n in names]


class _Gates:
    """Scenario gates of one evaluation state (memoized: the state does not change while the
    questions are collected). A gate is a fact or group a blanket statement answers."""

    def __init__(self, c: CompiledPolicy, out: list[Any]):
        self.c, self.out = c, out
        self._established: dict[int, bool] = {}
        self._open: dict[int, tuple[int, ...]] = {}
        self._walk: dict[int, tuple[int, ...]] = {}

    def to_walk(self, idx: int) -> tuple[int, ...]:
        """What to ask about under the `all` node ``idx``: while no scenario gate under it is
        established, its open gates (if it has any; a gate itself stands for itself, already
        asked about); else its criteria."""
        found = self._walk.get(idx)
        if found is None:
            c = self.c
            if self.established(idx):
                found = c.children[idx]
            else:
                found = ((idx,) if c.is_gate[idx] else self.open_gates(idx)) or c.children[idx]
            self._walk[idx] = found
        return found

    def established(self, idx: int) -> bool:
        """Whether a scenario gate under this `all` (through nested `all` nodes) already holds."""
        found = self._established.get(idx)
        if found is None:
            c, out = self.c, self.out
            found = False
            for k in c.gate_or_all_children[idx]:
                if (out[k] is True and c.is_gate[k]) or (c.kinds[k] == ALL and self.established(k)):
                    found = True
                    break
            self._established[idx] = found
        return found

    def open_gates(self, idx: int) -> tuple[int, ...]:
        """The open scenario gates that must hold for ``idx`` (unknown, not itself a gate) to
        hold (e.g. "is there a deformity?"), found through `all` nodes and through `any` nodes
        whose every open branch is gated."""
        found = self._open.get(idx)
        if found is None:
            c, out = self.c, self.out
            found = ()
            if c.kinds[idx] == ALL:
                for k in c.gated_children[idx]:
                    if out[k] is None:
                        found += (k,) if c.is_gate[k] else self.open_gates(k)
            else:  # any: only when each open branch has gates
                parts = []
                for k in c.children[idx]:
                    if out[k] is None:
                        part = (k,) if c.is_gate[k] else () if c.gate_free[k] else self.open_gates(k)
                        if not part:  # an open branch without a gate: no gate must hold
                            break
                        parts.append(part)
                else:
                    found = tuple(g for part in parts for g in part)
            self._open[idx] = found
        return found
