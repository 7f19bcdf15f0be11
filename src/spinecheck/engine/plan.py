"""What concerns a request for one code under one policy, worked out once per (policy, code).

A ``CodePlan`` lists the notes, redirects, exclusions and pathways that apply to the code, with
their compiled roots and whatever the decision needs to know about them without looking at the
policy models again (whether an unknown one must be ruled out before approving, the facts a
pathway requires). ``SuggestionPlan`` lists, for the pathways that support other codes, those
codes and whether the pathway's result depends on the requested code."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..policy.model import Policy
from ..policy.schema import Exclusion


class Item(NamedTuple):
    """A redirect or an exclusion as the decision sees it."""

    index: int  # in policy.redirects / policy.exclusions
    root: int | None  # compiled root; None: it always holds
    must_rule_out: bool | str  # False, True or "when_suggested" (False for an exclusion that
    #                            only explains a not_met: it never holds an approval)


class Candidate(NamedTuple):
    """A pathway in the search for an approval: tried only when its required facts are known."""

    index: int
    root: int
    required: frozenset[str]


class CodePlan(NamedTuple):
    notes: tuple[tuple[int, int | None], ...]
    redirects: tuple[Item, ...]
    always: tuple[Item, ...]  # exclusions that apply whatever else is met
    when_no_pathway: tuple[Item, ...]  # exclusions that only explain a not_met
    pathways: tuple[int, ...]
    search: tuple[Candidate, ...]  # the pathways, in order, for the search for a met one


class SuggestionPlan(NamedTuple):
    # pathway index -> (root, whether its result is the same for every code, its codes other
    # than the requested one); pathways supporting only the requested code are left out
    others: dict[int, tuple[int, bool, tuple[str, ...]]]


def code_plan(policy: Policy, cpt: str, roots: Any) -> CodePlan:
    """The plan for ``cpt``; ``roots`` is the compiled policy (its ``*_roots`` lists)."""

    def applies(spec: Any) -> bool:
        return spec == "all" or cpt in spec

    def item(i: int, root: int | None, rule: Any) -> Item:
        blocks = rule.must_rule_out if not (isinstance(rule, Exclusion) and rule.applies != "always") else False
        return Item(i, root, blocks)

    exclusions = [item(i, roots.exclusion_roots[i], e) for i, e in enumerate(policy.exclusions) if applies(e.cpt)]
    pathways = tuple(roots.pathways_for.get(cpt, ()))
    return CodePlan(
        notes=tuple((i, roots.note_roots[i]) for i, n in enumerate(policy.notes) if applies(n.cpt)),
        redirects=tuple(item(i, roots.redirect_roots[i], r) for i, r in enumerate(policy.redirects) if applies(r.cpt)),
        always=tuple(e for e in exclusions if policy.exclusions[e.index].applies == "always"),
        when_no_pathway=tuple(e for e in exclusions if policy.exclusions[e.index].applies != "always"),
        pathways=pathways,
        search=tuple(Candidate(i, roots.pathway_roots[i], roots.pathway_required[i]) for i in pathways),
    )


def suggestion_plan(policy: Policy, cpt: str, roots: Any) -> SuggestionPlan:
    dependent = roots.code_dependent_set
    others: dict[int, tuple[int, bool, tuple[str, ...]]] = {}
    for i, p in enumerate(policy.pathways):
        codes = tuple(code for code in p.cpt if code != cpt)
        if codes:
            root = roots.pathway_roots[i]
            others[i] = (root, root not in dependent, codes)
    return SuggestionPlan(others)
