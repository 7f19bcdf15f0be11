"""Which pathway best explains a pend or a not_met (see docs/engine.md, "Relevance").

A pathway whose own condition is present comes before one that a blanket statement rules out,
then the one with more criteria met by the case's own facts (not by age, sex or the requested
code), then the larger share of its criteria met, then policy order."""

from __future__ import annotations

from .compiled import CompiledPolicy, Env
from .facts import FactSet


class RuledOut:
    """Which pathways are not met only because a blanket statement rules their condition out
    ("no red flags", "nothing else going on"): the pathway's own condition is simply absent, so
    it is a poor explanation of the result. Reads the evaluation state as it stands: create it
    once the state is final, and use it before anything completes skipped criteria.

    A pathway is ruled out when every reason it is not met (false or unknown, its status) is:
    a group a blanket statement rules out, or a fact implied as absent; where an ``any`` is the
    reason, each of its alternatives that is not met; where an ``all`` or ``at_least`` is, each
    of its criteria with the pathway's status (at least one). A ``not`` never is. The check is
    generated per pathway (``codegen``, ``r{root}``)."""

    def __init__(self, c: CompiledPolicy, env: Env, facts: FactSet):
        self.checks, self.out, self.implied = c.ruled_out, env.out, facts.implied_names()

    def only(self, root: int) -> bool:
        """True when every reason ``root`` is not met is ruled out by a blanket statement."""
        status = self.out[root]
        return status is not True and self.checks[root](self.out, status, self.implied)


def closeness(c: CompiledPolicy, env: Env, i: int) -> tuple[int, float]:
    """How close pathway ``i`` came, from the evaluation state: criteria met by the case's own
    facts, then the share of its criteria met (a criterion short-circuiting skipped counts as
    not met)."""
    pick, pick_own, n = c.leaf_pickers[c.pathway_roots[i]]
    out = env.out
    return pick_own(out).count(True), pick(out).count(True) / n if n else 0.0


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
    if c.native is not None:  # the same ranking in C
        return c.native.best(c, tuple(candidates))(scratch, ruled_out.out, ruled_out.implied)
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
