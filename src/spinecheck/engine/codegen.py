"""Generate one Python function per criteria node of a compiled policy.

Node ``k`` becomes ``n{k}(env)``: it evaluates the node over ``env.facts``, writes the truth
value of every node it visits to ``env.out`` and returns its own. A node's whole subtree is
written inline in its function (one ``while True`` block per ``all`` / ``any``, left by
``break`` at the first child that decides it: false for ``all``, true for ``any``), except the
shared nodes (definitions), which are called, and reused when already in ``env.out``. So a
tree costs one call per definition it reaches, not one per node. Evaluating a node visits the
same nodes whether or not parts of its subtree are already known: the nodes known after a
series of evaluations are the union of what each visits, in any order. Constants are bound by
name in the module's namespace (``c{k}``), never printed into the source; date tests (calendar
arithmetic) stay closures (``t{k}``). The source is kept on the compiled policy for reading and
debugging.

The generated code is a straight transcription of Kleene logic (``spinecheck.logic``):
``tests/engine/test_codegen.py`` checks it against a plain recursive evaluator.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

# op -> expression over the fact's value (x) and the other side (y)
_OPS: dict[str, str] = {
    "eq": "x == {y}",
    "ne": "x != {y}",
    "gt": "x > {y}",
    "ge": "x >= {y}",
    "lt": "x < {y}",
    "le": "x <= {y}",
    "in": "x in {y}",
    "not_in": "x not in {y}",
    "has": "{y} in x",
    "has_any": "not x.isdisjoint({y})",
    "has_all": "{y} <= x",
    "has_none": "x.isdisjoint({y})",
}


class Generated(NamedTuple):
    source: str
    fns: list[Callable[[Any], Any]]  # node index -> n{k}
    scans: dict[int, Callable[[Any], tuple[int, int]]]  # root -> s{root}
    suggesting: dict[int, Callable[[Any], tuple[int, int]]]  # root -> g{root}
    generator: "_Generator"  # for more functions later (``_Generator.add``)
    ruled_out: dict[int, Callable[[list[Any], Any, Any], bool]]  # root -> r{root}


class Candidate(NamedTuple):
    """A pathway in a generated search: tried only when all its required facts are known."""

    index: int
    root: int
    required: tuple[str, ...]  # the likeliest to be missing first
    evaluate: bool  # (``holding``) evaluate it, or only check its required facts


class Prelude(NamedTuple):
    """The part of a decision for one code that every request goes through (``_decide``)."""

    notes: tuple[tuple[int, int | None], ...]  # (index, root); root None: always applies
    redirects: tuple[tuple[int, int | None], ...]
    exclusions: tuple[tuple[int, int | None], ...]  # those that apply whatever else is met
    pathways: tuple[Candidate, ...]


def generate(nodes: list[Any], constant: Callable[[Any], Any], date_test: Callable[[Any], Any],
             is_date: Callable[[Any], bool], unset: object, shared: frozenset[int] = frozenset(),
             scans: dict[int, tuple[tuple[int, ...], frozenset[int]]] | None = None,
             suggesting: dict[int, tuple[int, ...]] | None = None,
             ruled_out: tuple[int, ...] = (), execute: bool = True) -> Generated:
    """The functions for ``nodes`` (CNode, children resolved); with ``execute`` false, only their
    source (to read: the C steps run instead, see ``native``). ``constant(node)`` gives a fact
    test's comparable constant, ``date_test(node)`` the closure for a date test,
    ``is_date(node)`` whether a fact test compares dates; ``shared`` are the nodes with several
    parents (definitions), called rather than inlined. ``scans`` maps a root to its leaf
    criteria and those of them the case's own facts can meet: ``s{root}(env)`` counts how many
    of each hold (met, own), evaluating every leaf; it writes only the groups it evaluates.
    ``suggesting`` maps a root to the leaves that argue for it (not beneath a negation):
    ``g{root}(env)`` counts those that hold, as ``s{root}`` does.
    ``r{root}(out, status, implied)`` tells whether every
    reason the root (whose value in ``out`` is ``status``, false or unknown) is not met is a
    group or a fact that a blanket statement rules out (``implied``: the names of the facts
    implied as absent); see ``relevance.RuledOut``."""
    ns: dict[str, Any] = {"UNSET": unset}
    gen = _Generator(nodes, ns, constant, date_test, is_date, shared)
    parts = [gen.function(node) for node in nodes]
    parts += [gen.scan(root, leaves, own) for root, (leaves, own) in (scans or {}).items()]
    parts += [gen.scan(root, leaves, frozenset(), name=f"g{root}") for root, leaves in (suggesting or {}).items()]
    ruled_roots = ruled_out_roots(ruled_out, shared)
    parts += [gen.ruled_out(k) for k in ruled_roots]
    source = "\n\n".join(parts) + "\n"
    if not execute:
        return Generated(source, [], {}, {}, gen, {})
    exec(compile(source, "<spinecheck criteria>", "exec"), ns)  # noqa: S102 - our own generated code
    return Generated(source, [ns[f"n{node.idx}"] for node in nodes], {root: ns[f"s{root}"] for root in scans or {}},
                     {root: ns[f"g{root}"] for root in suggesting or {}}, gen, {k: ns[f"r{k}"] for k in ruled_roots})


def ruled_out_roots(ruled_out: tuple[int, ...], shared: frozenset[int]) -> list[int]:
    """The nodes that get a ruled-out check (``r{k}``): the roots asked for, and the shared nodes
    the checks call."""
    return sorted(set(ruled_out) | set(shared))


def _known(required: tuple[str, ...]) -> str:
    return " and ".join(f"{name!r} in f" for name in required) or "True"


# Deeper nesting of inlined combinators becomes a call (Python allows 20 nested blocks).
MAX_INLINE_DEPTH = 12


class _Generator:
    def __init__(self, nodes: list[Any], ns: dict[str, Any], constant: Callable[[Any], Any],
                 date_test: Callable[[Any], Any], is_date: Callable[[Any], bool], shared: frozenset[int]):
        self.nodes, self.ns = nodes, ns
        self.constant, self.date_test, self.is_date = constant, date_test, is_date
        self.shared = shared

    def add(self, source: str) -> dict[str, Any]:
        """Compile more generated functions beside the others; returns the namespace."""
        exec(compile(source, "<spinecheck criteria>", "exec"), self.ns)  # noqa: S102 - our own generated code
        return self.ns

    def evaluate(self, root: int) -> list[str]:
        """Lines setting ``v`` to node ``root``'s value: reused when known, else evaluated inline
        (as ``n{root}`` would: the same nodes are written)."""
        return [f"v = out[{root}]", "if v is UNSET:"] + _indent(self.node(root, 0), 1)

    def decide(self, name: str, p: Prelude) -> str:
        """The source of ``name(env)`` -> (notes that apply, the redirect or exclusion that
        decides as (role, index) or None, the values of the redirects, those of the exclusions,
        the first pathway that holds or None). Stops at the first redirect, then exclusion, that
        holds; the pathways are searched only when none does. Roots are evaluated inline."""
        body = ["f = env.facts", "out = env.out", "notes = []"]
        for i, root in p.notes:
            if root is None:
                body.append(f"notes.append({i})")
            else:
                body += self.evaluate(root) + ["if v is True:", f"    notes.append({i})"]
        body.append("redirects = []")
        for i, root in p.redirects:
            if root is None:
                body.append(f"return notes, ('redirect', {i}), redirects, None, None")
                break
            body += self.evaluate(root) + ["if v is True:", f"    return notes, ('redirect', {i}), redirects, None, None",
                                           "redirects.append(v)"]
        else:
            body.append("exclusions = []")
            for i, root in p.exclusions:
                if root is None:
                    body.append(f"return notes, ('exclusion', {i}), redirects, exclusions, None")
                    break
                body += self.evaluate(root) + ["if v is True:",
                                               f"    return notes, ('exclusion', {i}), redirects, exclusions, None",
                                               "exclusions.append(v)"]
            else:
                for c in p.pathways:
                    body += [f"if {_known(c.required)}:"] + _indent(self.evaluate(c.root), 1) + [
                        "    if v is True:", f"        return notes, None, redirects, exclusions, {c.index}"]
                body.append("return notes, None, redirects, exclusions, None")
        return "\n".join([f"def {name}(env):"] + _indent(body, 1))

    def holding(self, candidates: tuple[Candidate, ...]) -> str:
        """The source of ``holding(env)``: lists, in order, the candidates to evaluate that hold
        (evaluated inline) and the others whose required facts are known."""
        body = ["f = env.facts", "out = env.out", "found = []"]
        for c in candidates:
            body.append(f"if {_known(c.required)}:")
            if c.evaluate:
                body += _indent(self.evaluate(c.root) + ["if v is True:", f"    found.append({c.index})"], 1)
            else:
                body.append(f"    found.append({c.index})")
        return "\n".join(["def holding(env):"] + _indent(body + ["return found"], 1))

    def function(self, node: Any) -> str:
        label = " ".join(f"{node.kind} {node.id}".split())  # one line, whatever the id holds
        head = [f"def n{node.idx}(env):", f"    # {label}", "    out = env.out", "    f = env.facts"]
        return "\n".join(head + _indent(self.node(node.idx, 0) + ["return v"], 1))

    def node(self, idx: int, depth: int) -> list[str]:
        """Lines setting ``v`` and ``out[idx]`` to the value of node ``idx``, its subtree inline."""
        node = self.nodes[idx]
        if node.kind == "fact":
            return self.leaf(idx)
        if node.kind in ("all", "any"):
            decisive, otherwise = ("True", "False") if node.kind == "any" else ("False", "True")
            unknown = f"u{depth}"
            body = [f"{unknown} = False"]
            *first, last = node.children
            for k in first:
                body += self.child(k, depth + 1)
                body += [f"if v is not {otherwise}:", f"    if v is {decisive}:", "        break", f"    {unknown} = True"]
            body += self.child(last, depth + 1)
            body += [f"if v is not {decisive}:", f"    v = None if {unknown} or v is None else {otherwise}", "break"]
            lines = ["while True:  # " + node.kind] + _indent(body, 1)
        elif node.kind == "not":
            lines = self.child(node.children[0], depth + 1) + ["v = None if v is None else not v"]
        elif node.kind == "at_least":
            met, unknown = f"m{depth}", f"u{depth}"  # not t{k}: that names node k's date test
            lines = [f"{met} = {unknown} = 0"]
            for k in node.children:
                lines += self.child(k, depth + 1)
                lines += ["if v is True:", f"    {met} += 1", "elif v is None:", f"    {unknown} += 1"]
            n = node.at_least or 1
            lines.append(f"v = True if {met} >= {n} else None if {met} + {unknown} >= {n} else False")
        else:  # pragma: no cover - the schema knows no other kind
            raise ValueError(f"unknown node kind {node.kind}")
        return lines + self.ruled(node) + [f"out[{idx}] = v"]

    def child(self, k: int, depth: int) -> list[str]:
        """Lines setting ``v`` to child ``k``'s value: a shared node (a definition) is reused
        when already known, else called; any other child is evaluated inline."""
        if k in self.shared:
            return [f"v = out[{k}]", "if v is UNSET:", f"    v = n{k}(env)"]
        if depth > MAX_INLINE_DEPTH and self.nodes[k].kind != "fact":
            return [f"v = n{k}(env)"]
        return self.node(k, depth)

    def leaf(self, k: int) -> list[str]:
        """Lines setting ``v`` and ``out[k]`` to the value of fact test ``k``."""
        node = self.nodes[k]
        if self.is_date(node):
            self.ns[f"t{k}"] = self.date_test(node)
            lines = [f"v = t{k}(env)"]
        else:
            test = _OPS[node.op or "eq"]
            lines = [f"x = f.get({node.fact!r})"]
            if node.value_fact:
                lines += ["if x is None:", "    v = None", "else:",
                          f"    y = f.get({node.value_fact!r})", f"    v = None if y is None else {test.format(y='y')}"]
            else:
                self.ns[f"c{k}"] = self.constant(node)
                lines.append(f"v = None if x is None else {test.format(y=f'c{k}')}")
        return lines + self.ruled(node) + [f"out[{k}] = v"]

    def scan(self, root: int, leaves: tuple[int, ...], own: frozenset[int], name: str | None = None) -> list[str]:
        """``s{root}(env)`` (or ``name``): (leaves that hold, those of them in ``own``), every
        leaf evaluated."""
        lines = [f"def {name or f's{root}'}(env):", f"    # leaves of {self.nodes[root].kind} {self.nodes[root].id}".rstrip(),
                 "    f = env.facts", "    met = mine = 0"]
        for k in leaves:
            node = self.nodes[k]
            count = ["    met += 1"] + (["    mine += 1"] if k in own else [])
            if node.kind != "fact":  # a group: its own value (a ruled-out group counts as one)
                lines += [f"    v = env.out[{k}]", "    if v is UNSET:", f"        v = n{k}(env)", "    if v is True:"]
            elif self.is_date(node):
                self.ns[f"t{k}"] = self.date_test(node)
                lines += [f"    if t{k}(env) is True:"]
            else:
                test = _OPS[node.op or "eq"]
                lines.append(f"    x = f.get({node.fact!r})")
                if node.value_fact:
                    lines += [f"    y = f.get({node.value_fact!r})",
                              f"    if x is not None and y is not None and {test.format(y='y')}:"]
                else:
                    self.ns[f"c{k}"] = self.constant(node)
                    lines.append(f"    if x is not None and {test.format(y=f'c{k}')}:")
            lines += _indent(count, 1)
        return "\n".join(lines + ["    return met, mine"])

    def ruled_out(self, idx: int) -> str:
        """``r{idx}(out, S, implied)``: see ``generate``; a straight transcription of
        ``relevance.RuledOut._check``."""
        return f"def r{idx}(out, S, implied):\n    return {self._ruled_out(idx, top=True)}"

    def _ruled_out(self, idx: int, top: bool = False) -> str:
        node = self.nodes[idx]
        if idx in self.shared and not top:
            return f"r{idx}(out, S, implied)"
        if node.ruled_out_by:
            return "True"
        if node.kind == "fact":
            return f"{node.fact!r} in implied"
        if node.kind == "not":
            return "False"
        if node.kind == "any":  # every alternative not met is ruled out
            return "(" + " and ".join(f"(out[{k}] is True or {self._ruled_out(k)})" for k in node.children) + ")"
        # all / at_least: some criterion has the node's status, and each that has it is ruled out
        some = " or ".join(f"out[{k}] is S" for k in node.children)
        each = " and ".join(f"(out[{k}] is not S or {self._ruled_out(k)})" for k in node.children)
        return f"(({some}) and {each})"

    def ruled(self, node: Any) -> list[str]:
        """A group one statement rules out is false, not unknown, once that statement holds."""
        if not node.ruled_out_by:
            return []
        return [f"if v is None and f.get({node.ruled_out_by!r}) is True:", "    v = False"]


def _indent(lines: list[str], level: int) -> list[str]:
    pad = "    " * level
    return [pad + line for line in lines]
