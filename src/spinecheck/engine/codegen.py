"""Generate one Python function per criteria node of a compiled policy.

Node ``k`` becomes ``n{k}(env)``: it evaluates the node over ``env.facts``, writes the truth
value to ``env.out[k]`` and returns it. Combinators stop at the first child that decides them
(false for ``all``, true for ``any``) and reuse a child already in ``env.out`` (definitions are
shared between pathways). Fact tests are written inline in their parent, so evaluating a tree
costs one call per combinator, not one per leaf. Constants are bound by name in the module's
namespace (``c{k}``), never printed into the source; date tests (calendar arithmetic) stay
closures (``t{k}``). The source is kept on the compiled policy for reading and debugging.

The generated code is a straight transcription of Kleene logic (``spinecheck.logic``):
``tests/engine/test_codegen.py`` checks it against a plain recursive evaluator.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import logic

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


def generate(nodes: list[Any], constant: Callable[[Any], Any], date_test: Callable[[Any], Any],
             is_date: Callable[[Any], bool], unset: object) -> tuple[str, list[Callable[[Any], Any]]]:
    """(source, functions by node index) for ``nodes`` (CNode, children resolved).
    ``constant(node)`` gives a fact test's comparable constant, ``date_test(node)`` the
    closure for a date test, ``is_date(node)`` whether a fact test compares dates."""
    ns: dict[str, Any] = {"UNSET": unset, "at_least": logic.at_least}
    gen = _Generator(nodes, ns, constant, date_test, is_date)
    source = "\n\n".join(gen.function(node) for node in nodes) + "\n"
    exec(compile(source, "<spinecheck criteria>", "exec"), ns)  # noqa: S102 - our own generated code
    return source, [ns[f"n{node.idx}"] for node in nodes]


class _Generator:
    def __init__(self, nodes: list[Any], ns: dict[str, Any], constant: Callable[[Any], Any],
                 date_test: Callable[[Any], Any], is_date: Callable[[Any], bool]):
        self.nodes, self.ns = nodes, ns
        self.constant, self.date_test, self.is_date = constant, date_test, is_date

    def function(self, node: Any) -> str:
        idx = node.idx
        label = " ".join(f"{node.kind} {node.id}".split())  # one line, whatever the id holds
        head = [f"def n{idx}(env):", f"    # {label}", "    out = env.out", "    f = env.facts"]
        if node.kind == "fact":
            return "\n".join(head + _indent(self.leaf(idx), 1) + ["    return v"])
        if node.kind in ("all", "any"):
            decisive, otherwise = ("True", "False") if node.kind == "any" else ("False", "True")
            body = ["unknown = False"]
            for k in node.children:
                body += self.child(k)
                body += [f"if v is {decisive}:", f"    out[{idx}] = {decisive}", f"    return {decisive}",
                         "if v is None:", "    unknown = True"]
            body.append(f"v = None if unknown else {otherwise}")
        elif node.kind == "not":
            body = self.child(node.children[0]) + ["v = None if v is None else not v"]
        elif node.kind == "at_least":
            body = []
            for position, k in enumerate(node.children):
                body += self.child(k) + [f"v{position} = v"]
            values = ", ".join(f"v{p}" for p in range(len(node.children)))
            body.append(f"v = at_least({node.at_least or 1}, [{values}])")
        else:  # pragma: no cover - the schema knows no other kind
            raise ValueError(f"unknown node kind {node.kind}")
        body += self.ruled(node) + [f"out[{idx}] = v", "return v"]
        return "\n".join(head + _indent(body, 1))

    def child(self, k: int) -> list[str]:
        """Lines setting ``v`` to child ``k``'s value: already known, else evaluated."""
        node = self.nodes[k]
        inline = node.kind == "fact" and not self.is_date(node)
        return [f"v = out[{k}]", "if v is UNSET:"] + _indent(self.leaf(k) if inline else [f"v = n{k}(env)"], 1)

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

    def ruled(self, node: Any) -> list[str]:
        """A group one statement rules out is false, not unknown, once that statement holds."""
        if not node.ruled_out_by:
            return []
        return [f"if v is None and f.get({node.ruled_out_by!r}) is True:", "    v = False"]


def _indent(lines: list[str], level: int) -> list[str]:
    pad = "    " * level
    return [pad + line for line in lines]
