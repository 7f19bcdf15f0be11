"""Compile a policy's criteria trees once into flat arrays of generated functions.

Each node gets an index and a function (``codegen``); evaluating writes the truth value of every
node it visits into a per-request list at that index, so the trace and the open questions are
read off afterwards without re-walking YAML models. Definitions are memoized per request through
the same list. Static facts about the trees (leaves, required facts, scenario gates, nodes that
depend on the requested code, per-node tables for the walks over a state) are computed here once
per policy; the generated steps per code (``decide``) and the suggestion pass (``holding``) are
compiled on first use."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from . import codegen
from .native import NativeSteps, default_backend
from .plan import CodePlan, SuggestionPlan, code_plan, suggestion_plan
from ..policy.durations import date_minus, duration_days, parse_duration
from ..policy.model import Policy
from ..policy.schema import Node

UNSET = object()

FACT, ALL, ANY, NOT, AT_LEAST = range(5)
KINDS = {"fact": FACT, "all": ALL, "any": ANY, "not": NOT, "at_least": AT_LEAST}


class Env:
    """One evaluation state: the facts, and each node's value (``UNSET`` until evaluated)."""

    __slots__ = ("facts", "request_date", "out", "cutoffs", "forced")

    def __init__(self, facts: dict[str, Any], request_date: dt.date, out: list[Any],
                 cutoffs: dict[tuple, dt.datetime]):
        self.facts, self.request_date, self.out, self.cutoffs = facts, request_date, out, cutoffs
        self.forced: set[int] | None = None  # subtrees already completed by `force`

    def cutoff(self, parts: tuple) -> dt.datetime:
        found = self.cutoffs.get(parts)
        if found is None:
            found = self.cutoffs[parts] = date_minus(self.request_date, dict(parts))
        return found


@dataclass(frozen=True)
class CNode:
    idx: int
    id: str
    text: str
    cite: str
    kind: str  # all | any | not | at_least | fact
    children: tuple[int, ...]  # node indices (refs already resolved to definition indices)
    at_least: int | None = None
    fact: str | None = None
    op: str | None = None
    value: Any = None
    value_fact: str | None = None
    ruled_out_by: str | None = None

    def test_text(self) -> str:
        rhs = self.value_fact and f"<{self.value_fact}>" or _fmt(self.value)
        return f"{self.fact} {self.op} {rhs}"


def _fmt(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


Fn = Callable[[Env], Any]


class CompiledPolicy:
    def __init__(self, policy: Policy, backend: str | None = None):
        self.policy = policy
        self.backend = backend or default_backend()  # native (C) or python: see ``native``
        self.nodes: list[CNode] = []
        self._def_index: dict[str, int] = {}
        self._pending_refs: list[tuple[int, int, str]] = []
        for name, node in policy.definitions.items():
            self._def_index[name] = self._compile(node)
        self._resolve_refs()
        self.pathway_roots = [self._compile_root(p.when) for p in policy.pathways]
        self.redirect_roots = [self._compile_root(r.when) if r.when else None for r in policy.redirects]
        self.exclusion_roots = [self._compile_root(e.when) if e.when else None for e in policy.exclusions]
        self.note_roots = [self._compile_root(n.when) if n.when else None for n in policy.notes]
        self._resolve_refs()
        self.size = len(self.nodes)
        self.definition_nodes = frozenset(self._def_index.values())
        self.leaves_under: dict[int, tuple[int, ...]] = {}
        derived = self._derived_facts = frozenset(name for name, f in policy.facts.items() if f.derived)
        scans = {root: (self.leaves(root), frozenset(k for k in self.leaves(root) if self.nodes[k].fact not in derived))
                 for root in self.pathway_roots}
        # `when_suggested` exclusions and redirects: the leaves that argue for them (a criterion
        # beneath a negation that holds argues against: it never makes one suggested)
        suggesting = {root: self.leaves(root, positive_only=True)
                      for root, rule in (*zip(self.redirect_roots, policy.redirects),
                                         *zip(self.exclusion_roots, policy.exclusions))
                      if root is not None and rule.must_rule_out == "when_suggested"}
        self.subtree_order = [self._preorder(k) for k in range(self.size)]
        memo: dict[int, frozenset[str]] = {}
        self.pathway_required = [self._required(r, memo) for r in self.pathway_roots]
        self._count_required()
        # nodes whose result depends on the requested code (its region, modality or contrast):
        # the only ones to re-evaluate when another code is considered for the same case
        request_facts = {"request_region", "request_modality", "request_contrast"}
        self.code_dependent = tuple(
            i for i in range(len(self.nodes))
            if any(self.nodes[k].fact in request_facts or self.nodes[k].value_fact in request_facts
                   for k in self.subtree_order[i])
        )
        self.code_dependent_set = frozenset(self.code_dependent)
        self._request_facts = request_facts
        # roots depending on the code whose value with the code unknown, when true or false, is
        # its value for every code (see ``blind_safe``)
        self.blind_safe_roots = frozenset(
            r for r in (*self.pathway_roots, *self.exclusion_roots, *self.redirect_roots)
            if r is not None and r in self.code_dependent_set and self.blind_safe(r))
        self._plans: dict[str, CodePlan] = {}
        self._suggestion_plans: dict[str, SuggestionPlan] = {}
        self.pathways_for: dict[str, list[int]] = {}
        for i, p in enumerate(policy.pathways):
            for code in p.cpt:
                self.pathways_for.setdefault(code, []).append(i)
        self._decide: dict[str, Callable[[Env], Any]] = {}
        self._holding: Callable[[Env], list[int]] | None = None
        self._force_steps: dict[int, Callable[[Env], None]] = {}
        self._values_of: dict[tuple[int, ...], Callable[[Env], list[Any]]] = {}
        self._generate = functools.partial(
            codegen.generate, self.nodes, constant=self._constant_of, date_test=_date_test,
            is_date=self._tests_date, unset=UNSET, shared=self.definition_nodes, scans=scans,
            suggesting=suggesting, ruled_out=tuple(self.pathway_roots))
        # the same steps in C, over the same evaluation state (None: the generated Python ones,
        # which are then the only ones generated and compiled)
        self.native: NativeSteps | None = None
        self._source: str | None = None
        self._generator: Any = None  # the Python steps' generator (more steps on first use)
        if self.backend == "native":
            native = self.native = NativeSteps(self.nodes, UNSET, self.definition_nodes, self._constant_of,
                                               _date_test, date_parts, self._tests_date, Env)
            self.fns = native.fns
            self.scans = {root: native.scan(leaves, own) for root, (leaves, own) in scans.items()}
            # root -> (leaves arguing for it that hold, 0)
            self.suggesting = {root: native.scan(leaves, frozenset()) for root, leaves in suggesting.items()}
            self.ruled_out = {k: native.ruled(k) for k in codegen.ruled_out_roots(tuple(self.pathway_roots),
                                                                                   self.definition_nodes)}
            native.code_dependent(self.code_dependent)
        else:
            generated = self._generate()
            self._source, self.fns, self.scans = generated.source, generated.fns, generated.scans
            self.suggesting = generated.suggesting  # root -> g{root}(env): (leaves arguing for it that hold, 0)
            self._generator = generated.generator
            self.ruled_out = generated.ruled_out  # pathway root -> r{root} (see relevance.RuledOut)
        self.group_only_facts = self._group_only_facts()
        self.templates = [self._template(n) for n in self.nodes]
        # per node, for the walks over an evaluation state (relevance, questions)
        self.kinds = tuple(KINDS[n.kind] for n in self.nodes)
        self.children = tuple(n.children for n in self.nodes)
        self.fact_of = tuple(n.fact for n in self.nodes)
        self.ruled = tuple(bool(n.ruled_out_by) for n in self.nodes)
        self.ruler_of = tuple(n.ruled_out_by for n in self.nodes)
        self.tested = tuple(tuple(name for name in (n.fact, n.value_fact) if name) for n in self.nodes)
        self.n_leaves = {root: len(self.leaves(root)) for root in self.pathway_roots}
        # pathway root -> (values of its leaves, of those the case's own facts can meet, count)
        self.leaf_pickers = {root: (_picker(self.leaves(root)), _picker(tuple(k for k in self.leaves(root) if k in scans[root][1])),
                                    len(self.leaves(root))) for root in self.pathway_roots}
        # a scenario gate: a group or a fact that a blanket statement answers
        self.fact_ruler = {name: f.ruled_out_by for name, f in policy.facts.items() if f.ruled_out_by}
        self.is_gate = tuple(bool(n.ruled_out_by or (n.kind == "fact" and self.fact_ruler.get(n.fact or "")))
                             for n in self.nodes)
        self.gate_or_all_children = tuple(tuple(k for k in n.children if self.is_gate[k] or self.kinds[k] == ALL)
                                          for n in self.nodes)
        self.gate_free = self._gate_free()
        # per `all` / `any`: the children through which a gate can be reached
        self.gated_children = tuple(tuple(k for k in n.children if not self.gate_free[k]) for n in self.nodes)
        # per group a blanket statement rules out: the leaves under it that are findings of such
        # groups only (when one holds, "none of these" cannot)
        self.group_findings = tuple(
            tuple(k for k in self.subtree_order[n.idx]
                  if self.kinds[k] == FACT and self.fact_of[k] in self.group_only_facts) if n.ruled_out_by else ()
            for n in self.nodes)
        if self.native is not None:
            self.native.walk_tables(self.is_gate, self.gate_free, self.group_findings, self.gate_or_all_children,
                                     self.gated_children, self.fact_ruler)
        self.pathway_section = tuple(p.cite.split("#", 1)[0] for p in policy.pathways)
        self.title = policy.meta.title
        # role -> index -> root, and the trace header (id, title, cite, cpt, goes_to)
        self.roots_of = {"pathway": self.pathway_roots, "redirect": self.redirect_roots, "exclusion": self.exclusion_roots}
        self.headers = {
            "pathway": [(p.id, p.title, p.cite, p.cpt, None) for p in policy.pathways],
            "redirect": [(r.id, r.title, r.cite, r.cpt, r.goes_to) for r in policy.redirects],
            "exclusion": [(e.id, e.title, e.cite, e.cpt, None) for e in policy.exclusions],
        }
        self._elsewhere: dict[str, str] = {}

    # --- compilation ---------------------------------------------------------------------------
    def _compile_root(self, node: Node) -> int:
        if node.kind == "ref":
            return self._def_index[node.ref or ""]
        return self._compile(node)

    def _compile(self, node: Node) -> int:
        idx = len(self.nodes)
        self.nodes.append(None)  # type: ignore[arg-type]
        children: list[int] = []
        for child in node.children:
            if child.kind == "ref":
                children.append(-1)
                self._pending_refs.append((idx, len(children) - 1, child.ref or ""))
            else:
                children.append(self._compile(child))
        cnode = CNode(
            idx=idx, id=node.id or "", text=node.text or "", cite=node.cite or "",
            kind=node.kind, children=tuple(children), at_least=node.at_least,
            fact=node.fact, op=node.op if node.kind == "fact" else None,
            value=node.value, value_fact=node.value_fact, ruled_out_by=node.ruled_out_by,
        )
        self.nodes[idx] = cnode
        return idx

    def _resolve_refs(self) -> None:
        for idx, pos, name in self._pending_refs:
            node = self.nodes[idx]
            kids = list(node.children)
            kids[pos] = self._def_index[name]
            self.nodes[idx] = CNode(**{**node.__dict__, "children": tuple(kids)})
        self._pending_refs = []

    def _constant_of(self, node: CNode) -> Any:
        return _constant(self.policy.facts[node.fact or ""].type, node.value)

    def _tests_date(self, node: CNode) -> bool:
        return self.policy.facts[node.fact or ""].type == "date"

    def _template(self, node: CNode) -> dict[str, Any]:
        """The per-node part of a trace entry that does not depend on the request."""
        out: dict[str, Any] = {"id": node.id, "text": node.text, "cite": node.cite, "kind": node.kind}
        if node.ruled_out_by:
            out["ruled_out_by"] = node.ruled_out_by
        if node.kind == "fact":
            out["fact"] = node.fact
            out["test"] = node.test_text()
        elif node.kind == "at_least":
            out["at_least"] = node.at_least
        return out

    def _positive_leaves(self, idx: int, positive: bool) -> Iterator[int]:
        node = self.nodes[idx]
        if node.kind == "fact" or node.ruled_out_by:
            if positive:
                yield idx
            return
        for k in node.children:
            yield from self._positive_leaves(k, positive != (node.kind == "not"))

    def force(self, env: Env, idx: int) -> None:
        """Evaluate every node under ``idx`` that short-circuiting skipped (for the trace)."""
        seen = env.forced
        if seen is None:
            seen = env.forced = set()
        elif idx in seen:
            return
        seen.add(idx)
        if self.native is not None:
            step = self._force_steps.get(idx)
            if step is None:
                step = self._force_steps[idx] = self.native.force(self.subtree_order[idx])
            step(env)
            return
        out, fns = env.out, self.fns
        for k in self.subtree_order[idx]:  # parents first: each call completes what it reaches
            if out[k] is UNSET:
                fns[k](env)

    def values_of(self, roots: tuple[int, ...]) -> Callable[[Env], list[Any]]:
        """A function giving the values of ``roots`` in a state, each evaluated when unset
        (built once per tuple of roots)."""
        found = self._values_of.get(roots)
        if found is None:
            if self.native is not None:
                found = self.native.values(roots)
            else:
                fns = self.fns

                def found(env: Env) -> list[Any]:
                    out = env.out
                    return [fns[k](env) if out[k] is UNSET else out[k] for k in roots]
            self._values_of[roots] = found
        return found

    def without_code(self, out: list[Any]) -> list[Any]:
        """A copy of the evaluation state ``out`` with every result that depends on the
        requested code unset (to evaluate the same case for another code)."""
        if self.native is not None:
            return self.native.copy_state(out)
        out = list(out)
        for k in self.code_dependent:
            out[k] = UNSET
        return out

    def elsewhere_for(self, cpt: str) -> str:
        """Where a code the policy does not govern belongs (``Policy.elsewhere_for``)."""
        found = self._elsewhere.get(cpt)
        if found is None:
            found = self.policy.elsewhere_for(cpt)
            if len(self._elsewhere) < 4096:  # bounded: codes are the caller's
                self._elsewhere[cpt] = found
        return found

    def plan(self, cpt: str) -> CodePlan:
        """What concerns requests for ``cpt``: its notes, redirects, exclusions and pathways."""
        found = self._plans.get(cpt)
        if found is None:
            found = self._plans[cpt] = code_plan(self.policy, cpt, self)
        return found

    def suggestion_plan(self, cpt: str) -> SuggestionPlan:
        """The pathways supporting codes other than ``cpt``."""
        found = self._suggestion_plans.get(cpt)
        if found is None:
            found = self._suggestion_plans[cpt] = suggestion_plan(self.policy, cpt, self)
        return found

    def decide(self, code: str) -> Callable[[Env], Any]:
        """The steps every request for ``code`` (governed) goes through, generated on first use
        (``codegen.decide``): (notes, deciding redirect or exclusion, redirect values,
        exclusion values, first pathway met)."""
        found = self._decide.get(code)
        if found is None:
            name = f"decide_{code}"
            if self.native is not None:
                found = self._decide[code] = self.native.decide(*self._prelude(code))
            else:
                found = self._decide[code] = self._add(self._generator.decide(name, self._prelude(code)))[name]
        return found

    def holding(self, env: Env) -> list[int]:
        """The pathways, in order, that hold and do not depend on the requested code, and those
        that depend on it whose required facts are known (see ``suggest``); generated on first
        use (``codegen``)."""
        return self.holding_step()(env)

    def holding_step(self) -> Callable[[Env], list[int]]:
        """``holding`` as a step (built on first use)."""
        if self._holding is None:
            candidates = tuple(self._candidate(i) for i in range(len(self.policy.pathways)))
            if self.native is not None:
                self._holding = self.native.holding(candidates)
            else:
                self._holding = self._add(self._generator.holding(candidates))["holding"]
        return self._holding

    @property
    def source(self) -> str:
        """The generated Python steps' source, for reading and debugging (with the C steps,
        generated when asked: they are not run)."""
        if self._source is None:
            self._source = self._generate(execute=False).source
        return self._source

    def _add(self, source: str) -> dict[str, Any]:
        self._source = self.source + "\n" + source + "\n"
        return self._generator.add(source)

    def _prelude(self, code: str) -> codegen.Prelude:
        plan = self.plan(code)
        return codegen.Prelude(
            notes=plan.notes, redirects=tuple((item.index, item.root) for item in plan.redirects),
            exclusions=tuple((item.index, item.root) for item in plan.always),
            pathways=tuple(self._candidate(i) for i in plan.pathways))

    def _candidate(self, i: int) -> codegen.Candidate:
        """Pathway ``i`` for a generated search; its required facts rarest first (derived facts,
        always known, last)."""
        root = self.pathway_roots[i]
        derived = self._derived_facts
        required = sorted(self.pathway_required[i], key=lambda n: (n in derived, self._required_uses[n], n))
        return codegen.Candidate(i, root, tuple(required), root not in self.code_dependent_set)

    def _count_required(self) -> None:
        """How many pathways require each fact (generated searches test the rarest first)."""
        uses: dict[str, int] = {}
        for required in self.pathway_required:
            for name in required:
                uses[name] = uses.get(name, 0) + 1
        self._required_uses = uses

    def request_facts_read(self, root: int) -> tuple[str, ...]:
        """What ``root`` reads of the requested code: of region, modality, contrast (the
        attribute names of a CodeDef)."""
        read = {name for k in self.subtree_order[root] for name in (self.nodes[k].fact, self.nodes[k].value_fact)}
        return tuple(attr for attr in ("region", "modality", "contrast") if f"request_{attr}" in read)

    def blind_safe(self, root: int) -> bool:
        """Whether ``root``'s result without the requested code's region, modality and contrast
        (unknown) is refined, never contradicted, by knowing them: Kleene logic is monotone,
        except that a group ruled out by a blanket statement turns unknown into false. So: no
        test of the code lies in such a group."""
        request = self._request_facts
        return not any(grouped and (node.fact in request or node.value_fact in request)
                       for node, grouped in self._fact_tests([root]))

    def code_tests(self, root: int) -> tuple[tuple[int, str | None], ...]:
        """The tests of the requested code's region, modality or contrast under ``root``, each
        with the case's fact it compares the code's value with (None: it compares a constant);
        while that fact is unknown the test is unknown whatever the code."""
        request = self._request_facts
        found = []
        for k in self.subtree_order[root]:
            node = self.nodes[k]
            if node.kind == "fact" and (node.fact in request or node.value_fact in request):
                found.append((k, node.fact if node.fact not in request and node.value_fact in request else None))
        return tuple(found)

    def _gate_free(self) -> tuple[bool, ...]:
        """Per node: no scenario gate can be reached from it through `all` / `any` nodes."""
        memo: dict[int, bool] = {}

        def free(k: int) -> bool:
            found = memo.get(k)
            if found is None:
                found = memo[k] = not self.is_gate[k] and (
                    self.kinds[k] not in (ALL, ANY) or all(free(child) for child in self.children[k]))
            return found

        return tuple(free(k) for k in range(self.size))

    def _group_only_facts(self) -> frozenset[str]:
        """Facts tested only inside groups a blanket statement can rule out (e.g. the red-flag
        findings): a positive one is a finding of that group, not a shared criterion."""
        inside: set[str] = set()
        outside: set[str] = set()
        roots = [r for r in (*self.pathway_roots, *self.redirect_roots, *self.exclusion_roots, *self.note_roots)
                 if r is not None]
        for node, grouped in self._fact_tests(roots):
            (inside if grouped else outside).add(node.fact or "")
        return frozenset(inside - outside)

    def _fact_tests(self, roots: list[int]) -> Iterator[tuple[Any, bool]]:
        """The fact tests under ``roots``, each with whether it lies inside a group a blanket
        statement can rule out (reached once per such answer, lazily)."""
        seen: set[tuple[int, bool]] = set()
        stack = [(r, False) for r in roots]
        while stack:
            k, grouped = stack.pop()
            if (k, grouped) in seen:
                continue
            seen.add((k, grouped))
            node = self.nodes[k]
            grouped = grouped or bool(node.ruled_out_by)
            if node.kind == "fact":
                yield node, grouped
            stack.extend((child, grouped) for child in node.children)

    def _preorder(self, idx: int) -> tuple[int, ...]:
        """The nodes under ``idx`` (itself included), each once, parents before children."""
        seen: dict[int, None] = {}
        stack = [idx]
        while stack:
            k = stack.pop()
            if k not in seen:
                seen[k] = None
                stack.extend(reversed(self.nodes[k].children))
        return tuple(seen)

    def _required(self, idx: int, memo: dict[int, frozenset[str]]) -> frozenset[str]:
        """Facts that must be known for node ``idx`` to be true (a cheap bound: when one is
        missing the node cannot be true, so a search for true pathways may skip it)."""
        found = memo.get(idx)
        if found is None:
            node = self.nodes[idx]
            if node.kind == "fact":
                found = frozenset(f for f in (node.fact, node.value_fact) if f)
            elif node.kind == "all":
                found = frozenset().union(*(self._required(k, memo) for k in node.children))
            elif node.kind in ("any", "at_least"):
                found = frozenset.intersection(*(self._required(k, memo) for k in node.children))
            else:  # not: true when the child is false, which may need nothing
                found = frozenset()
            memo[idx] = found
        return found

    # --- queries -------------------------------------------------------------------------------
    def leaves(self, idx: int, positive_only: bool = False) -> tuple[int, ...]:
        """Leaf criteria under ``idx`` (a ruled-out-able group counts as one); with
        ``positive_only``, only those not beneath an odd number of negations."""
        if positive_only:
            return tuple(dict.fromkeys(self._positive_leaves(idx, True)))
        found = self.leaves_under.get(idx)
        if found is None:
            node = self.nodes[idx]
            if node.kind == "fact" or node.ruled_out_by:
                found = (idx,)  # a group that one fact can rule out counts as one criterion
            else:
                seen: dict[int, None] = {}
                for k in node.children:
                    for leaf in self.leaves(k):
                        seen[leaf] = None
                found = tuple(seen)
            self.leaves_under[idx] = found
        return found


def _picker(idxs: tuple[int, ...]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """A function returning the values at ``idxs`` of a list, as a tuple (one C call)."""
    if len(idxs) > 1:
        return operator.itemgetter(*idxs)
    if idxs:
        only = idxs[0]
        return lambda out: (out[only],)
    return lambda out: ()


def date_parts(node: CNode) -> tuple[tuple[str, float], ...]:
    """The span of a date test, as the key of its cutoff in ``Env.cutoffs``."""
    return tuple(sorted(parse_duration(node.value)[1].items()))


def _date_test(node: CNode) -> Callable[[Env], Any]:
    """The test of a date fact against a span back from the request date (calendar months)."""
    name, op = node.fact, node.op
    parts = date_parts(node)

    def test(env: Env) -> Any:
        x = env.facts.get(name)
        if x is None:
            return None
        moment = dt.datetime.combine(x, dt.time())
        cutoff = env.cutoff(parts)
        if op == "within_last":  # on or after the cutoff, and not in the future
            return cutoff <= moment and x <= env.request_date
        if op == "at_least_ago":  # on or before the cutoff (the anniversary counts)
            return moment <= cutoff
        return moment < cutoff  # more_than_ago: strictly before the cutoff
    return test


def _constant(ftype: str, value: Any) -> Any:
    """A policy constant in the engine's comparable form."""
    if ftype == "duration":
        return duration_days(value)
    if ftype == "number":
        return float(value)
    if isinstance(value, list):
        return frozenset(value)
    return value
