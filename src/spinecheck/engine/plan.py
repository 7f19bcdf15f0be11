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


class CodePlan(NamedTuple):
    notes: tuple[tuple[int, int | None], ...]
    redirects: tuple[Item, ...]
    always: tuple[Item, ...]  # exclusions that apply whatever else is met
    when_no_pathway: tuple[Item, ...]  # exclusions that only explain a not_met
    to_suggestions: tuple[Item, ...]  # exclusions that only keep the code out of suggestions
    pathways: tuple[int, ...]
    pathway_root_tuple: tuple[int, ...]  # their compiled roots, in the same order
    # (position in `always` / `redirects`, item) of those that must be ruled out when unknown
    always_blocking: tuple[tuple[int, Item], ...]
    redirects_blocking: tuple[tuple[int, Item], ...]
    # pathway met -> the trace entries of an approval on it: it, then the others not decisive
    approved_entries: dict[int, tuple[tuple[str, int, bool], ...]]


class SuggestionPlan(NamedTuple):
    # pathway index -> (root, whether its result is the same for every code, its codes other
    # than the requested one). Pathways supporting only the requested code are left out.
    others: dict[int, tuple[int, bool, tuple[str, ...]]]
    # root of a pathway that depends on the code -> its tests of the requested code's region,
    # modality or contrast (when none was reached, its result is the same for every code)
    code_tests: dict[int, tuple[tuple[int, str | None], ...]]
    # root of a pathway that depends on the code -> code -> what the pathway reads of the code
    # (codes alike in that have the same result)
    code_view: dict[int, dict[str, tuple[Any, ...]]]


def code_plan(policy: Policy, cpt: str, roots: Any) -> CodePlan:
    """The plan for ``cpt``; ``roots`` is the compiled policy (its ``*_roots`` lists)."""

    def applies(spec: Any) -> bool:
        return spec == "all" or cpt in spec

    def item(i: int, root: int | None, rule: Any) -> Item:
        blocks = rule.must_rule_out if not (isinstance(rule, Exclusion) and rule.applies != "always") else False
        return Item(i, root, blocks)

    exclusions = [item(i, roots.exclusion_roots[i], e) for i, e in enumerate(policy.exclusions) if applies(e.cpt)]
    pathways = tuple(roots.pathways_for.get(cpt, ()))
    redirects = tuple(item(i, roots.redirect_roots[i], r) for i, r in enumerate(policy.redirects) if applies(r.cpt))
    always = tuple(e for e in exclusions if policy.exclusions[e.index].applies == "always")
    return CodePlan(
        notes=tuple((i, roots.note_roots[i]) for i, n in enumerate(policy.notes) if applies(n.cpt)),
        redirects=redirects,
        always=always,
        when_no_pathway=tuple(e for e in exclusions if policy.exclusions[e.index].applies == "when_no_pathway_met"),
        to_suggestions=tuple(e for e in exclusions if policy.exclusions[e.index].applies == "to_suggestions"),
        pathways=pathways,
        pathway_root_tuple=tuple(roots.pathway_roots[i] for i in pathways),
        always_blocking=tuple((k, e) for k, e in enumerate(always) if e.must_rule_out),
        redirects_blocking=tuple((k, r) for k, r in enumerate(redirects) if r.must_rule_out),
        approved_entries={first: (("pathway", first, True), *(("pathway", i, False) for i in pathways if i != first))
                          for first in pathways},
    )


def suggestion_plan(policy: Policy, cpt: str, roots: Any) -> SuggestionPlan:
    dependent = roots.code_dependent_set
    others: dict[int, tuple[int, bool, tuple[str, ...]]] = {}
    for i, p in enumerate(policy.pathways):
        root = roots.pathway_roots[i]
        shared = root not in dependent
        codes = tuple(code for code in p.cpt if code != cpt)
        if codes:
            others[i] = (root, shared, codes)
    code_tests = {root: roots.code_tests(root) for root, shared, _ in others.values() if not shared}
    code_view = {}
    for root, shared, codes in others.values():
        if not shared:
            read = roots.request_facts_read(root)
            code_view[root] = {code: tuple(getattr(policy.codes[code], name) for name in read) for code in codes}
    return SuggestionPlan(others, code_tests, code_view)
