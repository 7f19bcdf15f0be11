"""Which pathway best explains a pend or a not_met (see docs/engine.md, "Relevance").

A pathway whose own condition is present comes before one that a blanket statement rules out,
then the one with more criteria met by the case's own facts (not by age, sex or the requested
code), then the larger share of its criteria met, then policy order."""

from __future__ import annotations

from typing import Any

from .compiled import ANY, FACT, NOT, CompiledPolicy, Env


class RuledOut:
    """Which pathways are not met only because a blanket statement rules their condition out
    ("no red flags", "nothing else going on"): the pathway's own condition is simply absent, so
    it is a poor explanation of the result. Reads the evaluation state as it stands: create it
    once the state is final, and before anything completes skipped criteria. Memoized (subtrees
    shared between pathways are checked once)."""

    def __init__(self, c: CompiledPolicy, env: Env, provenance: dict[str, Any]):
        self.c, self.out, self.provenance = c, env.out, provenance
        self.memo: tuple[dict[int, bool], dict[int, bool]] = ({}, {})  # status false, unknown

    def only(self, root: int) -> bool:
        """True when every reason ``root`` is not met (false or unknown) is a group or fact
        that a blanket statement rules out."""
        status = self.out[root]
        return status is not True and self._check(root, status, self.memo[status is None])

    def _check(self, idx: int, status: Any, memo: dict[int, bool]) -> bool:
        found = memo.get(idx)
        if found is None:
            c, out = self.c, self.out
            kind = c.kinds[idx]
            if c.ruled[idx]:
                found = True
            elif kind == FACT:
                fv = self.provenance.get(c.fact_of[idx])
                found = fv is not None and fv.source == "implied"
            elif kind == NOT:
                found = False
            elif kind == ANY:  # every alternative that is not met is ruled out
                found = True
                for k in c.children[idx]:
                    if out[k] is not True and not self._check(k, status, memo):
                        found = False
                        break
            else:  # all / at_least: the criteria with the node's status, at least one, are ruled out
                found = False
                for k in c.children[idx]:
                    if out[k] is status:
                        if not self._check(k, status, memo):
                            found = False
                            break
                        found = True
            memo[idx] = found
        return found


def closeness(c: CompiledPolicy, env: Env, i: int) -> tuple[int, float]:
    """How close pathway ``i`` came, from the evaluation state: criteria met by the case's own
    facts, then the share of its criteria met (a criterion short-circuiting skipped counts as
    not met)."""
    root, out = c.pathway_roots[i], env.out
    n = c.n_leaves[root]
    met = c.leaf_values(root, out).count(True)
    own = c.own_leaf_values(root, out).count(True)
    return own, met / n if n else 0.0


def rank_open(c: CompiledPolicy, env: Env, open_: list[int],
              ruled_out: RuledOut) -> tuple[list[int], dict[int, tuple[int, float]]]:
    """The unknown pathways ``open_``, most relevant first (present ones ranked by closeness,
    then the ruled-out ones in policy order), and the closeness of each. An unknown pathway
    evaluated every criterion that could still decide it: closeness reads the state as is."""
    roots = c.pathway_roots
    close = {i: closeness(c, env, i) for i in open_}
    present = [i for i in open_ if not ruled_out.only(roots[i])]
    ranked = present or list(open_)
    ranked.sort(key=lambda i: (*close[i], -i), reverse=True)
    if len(ranked) < len(open_):
        chosen = set(ranked)
        ranked += [i for i in open_ if i not in chosen]
    return ranked, close


def best_explanation(c: CompiledPolicy, env: Env, candidates: list[int], ruled_out: RuledOut) -> int:
    """The most relevant of ``candidates``, pathways that are all not met. Closeness counts
    every leaf criterion (each not-met pathway is completed for it), on a copy of the state so
    that ``ruled_out`` keeps reading the state as the decision left it; it is consulted only in
    order of closeness, until a pathway whose condition is present turns up."""
    scratch = Env(facts=env.facts, request_date=env.request_date, out=list(env.out), cutoffs=env.cutoffs)
    roots, scans, n_leaves = c.pathway_roots, c.scans, c.n_leaves
    keyed = []
    for i in candidates:
        root = roots[i]
        met, own = scans[root](scratch)
        n = n_leaves[root]
        keyed.append((own, met / n if n else 0.0, -i))
    keyed.sort(reverse=True)
    for *_, negative in keyed:
        if not ruled_out.only(roots[-negative]):
            return -negative
    return -keyed[0][2]
