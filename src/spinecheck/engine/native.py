"""Which implementation runs the compiled criteria steps, and the C one's tables.

The steps that evaluate criteria and walk the evaluation state (node functions, decision
prelude, suggestion pass, leaf scans, ruled-out checks, ranking, pend questions, failing
reasons) exist twice: in Python (``codegen`` and the engine modules), the reference, and in a C
extension (``_native.c``) that runs the same steps over the same evaluation state. The C one is
used when it was built at install (it needs a C compiler and the Python headers; without them
the install still succeeds and the Python steps run). ``SPINECHECK_ENGINE=python`` selects the
Python steps. Both give identical evaluation states and determinations
(``tests/engine/test_native.py``, ``tests/engine/test_codegen.py``, ``bench/golden_engine.py``)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Callable

from ..errors import SpinecheckError

try:
    from . import _native
except ImportError:  # not built (no compiler at install): the generated Python steps run
    _native = None


SOURCE = Path(__file__).with_name("_native.c")  # present in a working copy, not in a wheel


def source_hash(source: Path) -> str:
    """The hash setup.py compiles into the extension (``SOURCE_HASH``)."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


def stale(module: Any, source: Path) -> bool:
    """Whether ``module`` was built from another version of ``source`` (a working copy whose
    rebuild failed): such a build is never used."""
    if module is None or not source.exists():
        return False
    return getattr(module, "SOURCE_HASH", None) != source_hash(source)


STALE = stale(_native, SOURCE)
if STALE:
    _native = None

BACKENDS = ("native", "python")
_KINDS = {"fact": 0, "all": 1, "any": 2, "not": 3, "at_least": 4}
_DATE_OPS = {"within_last": 1, "at_least_ago": 2, "more_than_ago": 3}
_OPS = {op: i for i, op in enumerate(("eq", "ne", "gt", "ge", "lt", "le", "in", "not_in", "has", "has_any",
                                      "has_all", "has_none"))}


def available() -> bool:
    """Whether the C extension was built and imports."""
    return _native is not None


def default_backend() -> str:
    """``native`` when built, unless ``SPINECHECK_ENGINE`` says ``python``."""
    asked = os.environ.get("SPINECHECK_ENGINE", "").strip().lower()
    if asked and asked not in BACKENDS:
        raise SpinecheckError("bad_setting", f"must be one of {', '.join(BACKENDS)} (or unset: native when built)",
                              where="SPINECHECK_ENGINE", status=500)
    if asked == "python" or _native is None:
        return "python"
    return "native"


def describe() -> str:
    """Which steps run here, and why: for `spinecheck version --engine` and bug reports."""
    backend = default_backend()
    if backend == "native":
        return "native (the C extension spinecheck.engine._native)"
    if os.environ.get("SPINECHECK_ENGINE", "").strip().lower() == "python":
        return "python (SPINECHECK_ENGINE=python)"
    if STALE:
        return "python (the C extension is older than its source: its rebuild failed; run `make install` and read the compiler's error)"
    return "python (the C extension is not built: no C compiler or Python headers at install)"


class NativeSteps:
    """The C steps of one compiled policy. ``fns[k]``, ``scan``, ``ruled``, ``decide``,
    ``holding``, ``force`` and ``values`` make callables with the signatures of their Python
    twins (``codegen``, ``CompiledPolicy``); ``questions``, ``failing``, ``best`` and
    ``suggestions`` stand for the walks of ``questions``, ``determine``, ``relevance`` and
    ``suggest``. Built once per compiled policy; the per-code steps once per code."""

    def __init__(self, nodes: list[Any], unset: object, shared: frozenset[int],
                 constant: Callable[[Any], Any], date_test: Callable[[Any], Any], date_parts: Callable[[Any], tuple],
                 is_date: Callable[[Any], bool], env_class: type):
        if _native is None:  # pragma: no cover - callers check available()
            raise RuntimeError("the C extension spinecheck.engine._native is not built; reinstall with a C compiler")
        specs = []
        for node in nodes:
            fact_test = node.kind == "fact"
            dated = fact_test and is_date(node)
            specs.append((
                _KINDS[node.kind], tuple(node.children), node.at_least or 1,
                node.fact if fact_test else None, _OPS[node.op or "eq"] if fact_test and not dated else 0,
                constant(node) if fact_test and not dated and not node.value_fact else None,
                node.value_fact if fact_test else None, node.ruled_out_by or None,
                (date_test(node), _DATE_OPS[node.op], date_parts(node)) if dated else None, node.idx in shared))
        self.program = _native.Program(specs, unset)
        self.fns = [self.program.node(k) for k in range(len(nodes))]
        self.texts = tuple(node.text for node in nodes)
        self.env_class = env_class
        self._best: dict[tuple[int, ...], Callable[[Any, list[Any], Any], int]] = {}
        self._suggestions: dict[str, Callable[[Any], list[tuple[str, int, Any]]]] = {}

    # --- tables the compiled policy computes after the node table ----------------------------
    def code_dependent(self, nodes: tuple[int, ...]) -> None:
        """The nodes whose result depends on the requested code (``copy_state``, suggestions)."""
        self.program.set_code_dependent(tuple(nodes))

    def walk_tables(self, is_gate: tuple[bool, ...], gate_free: tuple[bool, ...], findings: tuple[tuple[int, ...], ...],
                    gate_or_all: tuple[tuple[int, ...], ...], gated: tuple[tuple[int, ...], ...],
                    fact_ruler: dict[str, str]) -> None:
        """The per-node tables the questions walk reads."""
        self.program.set_walk_tables(is_gate, gate_free, findings, gate_or_all, gated, dict(fact_ruler))

    # --- steps with a Python twin ------------------------------------------------------------
    def copy_state(self, out: list[Any]) -> list[Any]:
        return self.program.copy_state(out)

    def values(self, roots: tuple[int, ...]) -> Callable[[Any], list[Any]]:
        return self.program.values(tuple(roots))

    def force(self, order: tuple[int, ...]) -> Callable[[Any], None]:
        return self.program.force(tuple(order))

    def scan(self, leaves: tuple[int, ...], own: frozenset[int]) -> Callable[[Any], tuple[int, int]]:
        return self.program.scan(tuple(leaves), frozenset(own))

    def ruled(self, root: int) -> Callable[[list[Any], Any, Any], bool]:
        return self.program.ruled(root)

    def decide(self, notes: Any, redirects: Any, exclusions: Any, candidates: Any) -> Callable[[Any], Any]:
        return self.program.decide(notes, redirects, exclusions, _candidates(candidates))

    def holding(self, candidates: Any) -> Callable[[Any], list[int]]:
        return self.program.holding(_candidates(candidates))

    # --- the walks -----------------------------------------------------------------------------
    def questions(self, env: Any, roots: list[int], lead: int) -> list[str]:
        """``questions.missing``: the names of the facts to ask about, in order."""
        return self.program.questions(env, roots, lead)

    def failing(self, out: list[Any], root: int) -> list[str]:
        """``determine._failing_texts`` before its repeats are dropped."""
        return self.program.failing(out, root, self.texts)

    def best(self, c: Any, candidates: tuple[int, ...]) -> Callable[[Any, list[Any], Any], int]:
        """``relevance.best_explanation``'s ranking of these pathways of compiled policy ``c``:
        (scratch state, state as decided, implied names) -> the pathway."""
        found = self._best.get(candidates)
        if found is None:
            roots = c.pathway_roots
            found = self._best[candidates] = self.program.best(
                [(i, roots[i], c.scans[roots[i]], c.n_leaves[roots[i]]) for i in candidates])
        return found

    def suggestions(self, c: Any, cpt: str) -> Callable[[Any], list[tuple[str, int, Any]]]:
        """``suggest.suggestions`` for requests of ``cpt`` under compiled policy ``c``."""
        found = self._suggestions.get(cpt)
        if found is None:
            found = self._suggestions[cpt] = self._suggestion_step(c, cpt)
        return found

    def _suggestion_step(self, c: Any, cpt: str) -> Callable[[Any], list[tuple[str, int, Any]]]:
        """The tables of ``suggest.suggestions`` for ``cpt``, as the C step reads them: each code
        with its state id (its region, modality and contrast) and its exclusions and redirects;
        each pathway supporting other codes with its codes, which of them the pathway sees
        alike, and its tests of the code."""
        policy, plan = c.policy, c.suggestion_plan(cpt)
        keys: dict[tuple[Any, ...], int] = {}
        index: dict[str, int] = {}
        codes: list[tuple[Any, ...]] = []

        def key_of(code: str) -> int:
            cd = policy.codes[code]
            return keys.setdefault((cd.region, cd.modality, cd.contrast), len(keys))

        def index_of(code: str) -> int:
            if code not in index:
                index[code] = len(codes)
                cd, code_plan = policy.codes[code], c.plan(code)
                items = [(item.root, 0 if not item.must_rule_out else 1 if item.must_rule_out is True else 2,
                          item.root in c.code_dependent_set, item.root in c.blind_safe_roots,
                          c.suggesting.get(item.root) if item.must_rule_out == "when_suggested" else None)
                         for item in (*code_plan.always, *code_plan.to_suggestions, *code_plan.redirects)]
                codes.append((code, key_of(code), cd.region, cd.modality, cd.contrast, items))
            return index[code]

        requested = key_of(cpt)
        candidates = []
        for i, (root, shared, pathway_codes) in plan.others.items():
            views: dict[Any, int] = {}
            view = plan.code_view.get(root, {})
            candidates.append((i, root, shared, root in c.blind_safe_roots,
                               tuple(index_of(code) for code in pathway_codes),
                               tuple(0 if shared else views.setdefault(view[code], len(views)) for code in pathway_codes),
                               max(len(views), 1), tuple(plan.code_tests.get(root, ()))))
        return self.program.suggest(c.holding_step(), c.force, self.env_class, requested, len(keys),
                                    len(policy.pathways), codes, candidates)


def _candidates(candidates: Any) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """``codegen.Candidate`` rows as the C module reads them."""
    return [(c.index, c.root, c.required, c.evaluate) for c in candidates]
