"""Semantic checks a schema cannot express: every fact exists and is tested with an operator
and value of its type, every citation names a section of the source document, ids are unique,
references resolve without cycles, codes are governed. Each problem names file:line (path)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .durations import DurationError, parse_duration
from .model import Policy
from .schema import OPS_BY_TYPE, CodeDef, CriteriaFile, FactDef, Node, PolicyMeta, SectionDef
from .yamlsource import Path, dotted, line_for


class _Linter:
    def __init__(self, meta: PolicyMeta, sections: list[SectionDef], catalog: dict[str, FactDef],
                 codes: dict[str, CodeDef]):
        self.meta = meta
        self.catalog = catalog
        self.section_ids = {s.id for s in sections}
        self.codes = set(codes)
        self.problems: list[str] = []
        self.ids: dict[str, str] = {}
        self.used_facts: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (from definition or root id, ref, where)
        self.filename = ""
        self.lines: dict[Path, int] = {}

    def where(self, path: Path) -> str:
        return f"{self.filename}:{line_for(self.lines, path) or '?'} ({dotted(path)})"

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(f"{self.where(path)}: {message}")

    def claim_id(self, ident: str, path: Path) -> None:
        if ident in self.ids:
            self.problem(path, f"duplicate id '{ident}' (first at {self.ids[ident]}); ids must be unique in a policy")
        else:
            self.ids[ident] = self.where(path)

    def cite(self, cite: str | None, path: Path) -> None:
        if cite is None:
            return
        base = cite.split("#", 1)[0]
        if base not in self.section_ids:
            self.problem(path, f"citation '{cite}' names no section in sections.yaml")

    def cpts(self, cpts: Any, path: Path) -> None:
        if cpts == "all":
            return
        for i, code in enumerate(cpts):
            if code not in self.codes:
                self.problem(path + (i,), f"code {code} is not in the policy's code list (policy.yaml codes)")

    def node(self, node: Node, path: Path, owner: str) -> None:
        if node.kind == "ref":
            self.cite(node.cite, path)
            self.refs.append((owner, node.ref or "", self.where(path)))
            return
        self.claim_id(node.id or "", path)
        self.cite(node.cite, path)
        if node.ruled_out_by is not None:
            ruler = self.catalog.get(node.ruled_out_by)
            if ruler is None or ruler.type != "bool":
                self.problem(path + ("ruled_out_by",), f"ruled_out_by needs a bool fact; '{node.ruled_out_by}' is not one")
            else:
                self.used_facts.add(ruler.name)
        if node.kind == "fact":
            self.leaf(node, path)
            return
        key = {"all": "all", "any": "any", "not": "not", "at_least": "of"}[node.kind]
        if node.kind == "not":
            self.node(node.not_, path + ("not",), owner)  # type: ignore[arg-type]
            return
        children = node.children
        if node.kind == "at_least" and node.at_least is not None and node.at_least > len(children):
            self.problem(path, f"at_least {node.at_least} of only {len(children)} children can never be met")
        for i, child in enumerate(children):
            self.node(child, path + (key, i), owner)

    def leaf(self, node: Node, path: Path) -> None:
        fact = self.catalog.get(node.fact or "")
        if fact is None:
            close = _closest(node.fact or "", self.catalog)
            self.problem(path + ("fact",), f"unknown fact '{node.fact}'" + (f"; did you mean '{close}'?" if close else "; add it to the fact catalog (src/spinecheck/facts/)"))
            return
        self.used_facts.add(fact.name)
        allowed = OPS_BY_TYPE[fact.type]
        if node.op not in allowed:
            self.problem(path + ("op",), f"op '{node.op}' does not apply to {fact.type} fact '{fact.name}' (use one of: {', '.join(sorted(allowed))})")
            return
        if node.value_fact is not None:
            other = self.catalog.get(node.value_fact)
            if other is None:
                self.problem(path + ("value_fact",), f"unknown fact '{node.value_fact}'")
                return
            self.used_facts.add(other.name)
            want = "enum" if fact.type == "set" and node.op == "has" else fact.type
            if other.type != want:
                self.problem(path + ("value_fact",), f"'{other.name}' is {other.type}; comparing with {fact.type} fact '{fact.name}' via '{node.op}' needs {want}")
            elif other.values and fact.values and not set(other.values) & set(fact.values):
                self.problem(path + ("value_fact",), f"'{other.name}' and '{fact.name}' share no value; the test can never hold")
            return
        self.value(fact, node.op, node.value, path + ("value",))

    def value(self, fact: FactDef, op: str, value: Any, path: Path) -> None:
        t = fact.type
        if t == "bool":
            if not isinstance(value, bool):
                self.problem(path, f"fact '{fact.name}' is bool: value must be true or false, not {value!r}")
        elif t == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.problem(path, f"fact '{fact.name}' is a number in {fact.unit}: value must be a number, not {value!r}")
        elif t in ("duration", "date"):
            try:
                parse_duration(value if isinstance(value, str) else "")
            except DurationError:
                self.problem(path, f"'{op}' on '{fact.name}' needs a duration such as '6 weeks', not {value!r}")
        elif t in ("enum", "set"):
            many = op in ("in", "not_in", "has_any", "has_all", "has_none")
            items = value if many else [value]
            if many and not isinstance(value, list):
                self.problem(path, f"'{op}' needs a list of values")
                return
            bad = [v for v in items if v not in (fact.values or [])]
            if bad:
                self.problem(path, f"value(s) {', '.join(map(str, bad))} not allowed for '{fact.name}' (allowed: {', '.join(fact.values or [])})")

    def cycles(self, definitions: dict[str, Node]) -> None:
        graph: dict[str, set[str]] = {}
        for owner, target, where in self.refs:
            if target not in definitions:
                close = _closest(target, definitions)
                self.problems.append(f"{where}: ref '{target}' names no definition" + (f"; did you mean '{close}'?" if close else ""))
            graph.setdefault(owner, set()).add(target)
        state: dict[str, int] = {}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                self.problems.append(f"definitions refer to each other in a cycle: {' -> '.join(trail + [name])}")
                return
            state[name] = 1
            for nxt in sorted(graph.get(name, ())):
                visit(nxt, trail + [name])
            state[name] = 2

        for name in sorted(definitions):
            visit(name, [])


def _closest(word: str, options: Any) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return found[0] if found else None


def lint_policy(
    meta: PolicyMeta,
    sections: list[SectionDef],
    criteria: list[tuple[str, CriteriaFile, dict[Path, int]]],
    catalog: dict[str, FactDef],
    digest: "hashlib._Hash",
) -> tuple[Policy, list[str]]:
    codes: dict[str, CodeDef] = {}
    code_origin: dict[str, str] = {}
    problems: list[str] = []
    for origin, code_list in [("policy.yaml", meta.codes)] + [(f, c.codes) for f, c, _ in criteria]:
        for c in code_list:
            if c.code in codes and codes[c.code] != c:
                problems.append(f"{origin}: code {c.code} is declared differently in {code_origin[c.code]}; make them identical")
            codes.setdefault(c.code, c)
            code_origin.setdefault(c.code, origin)
    lint = _Linter(meta, sections, catalog, codes)
    lint.problems.extend(problems)
    seen_sections: set[str] = set()
    for s in sections:
        if s.id in seen_sections:
            lint.problems.append(f"sections: section '{s.id}' listed twice")
        seen_sections.add(s.id)
    for c in codes.values():
        if c.cite.split("#", 1)[0] not in lint.section_ids:
            lint.problems.append(f"{code_origin[c.code]}: code {c.code} cites '{c.cite}', which names no section")
    for fact_name, attr in (("request_region", "region"), ("request_modality", "modality"), ("request_contrast", "contrast")):
        allowed = set(catalog[fact_name].values or []) if fact_name in catalog else set()
        for c in codes.values():
            if getattr(c, attr) not in allowed:
                lint.problems.append(f"{code_origin[c.code]}: code {c.code} has {attr} '{getattr(c, attr)}', not a value of fact '{fact_name}'")

    definitions: dict[str, Node] = {}
    pathways, redirects, exclusions, notes = [], [], [], []
    origins: dict[str, str] = {}
    for filename, parsed, lines in criteria:
        lint.filename, lint.lines = filename, lines
        for i, d in enumerate(parsed.definitions):
            path: Path = ("definitions", i)
            if d.kind == "ref":
                lint.problem(path, "a definition cannot be a bare ref")
                continue
            definitions[d.id or ""] = d
            lint.node(d, path, d.id or "")
            origins[d.id or ""] = lint.where(path)
        for group, items in (("pathways", parsed.pathways), ("redirects", parsed.redirects),
                             ("exclusions", parsed.exclusions), ("notes", parsed.notes)):
            for i, item in enumerate(items):
                path = (group, i)
                lint.claim_id(item.id, path)
                lint.cite(item.cite, path + ("cite",))
                lint.cpts(item.cpt, path + ("cpt",))
                origins[item.id] = lint.where(path)
                when = getattr(item, "when", None)
                if when is not None:
                    lint.node(when, path + ("when",), item.id)
        pathways += parsed.pathways
        redirects += parsed.redirects
        exclusions += parsed.exclusions
        notes += parsed.notes
    lint.cycles(definitions)

    used = {name: catalog[name] for name in lint.used_facts if name in catalog}
    digest.update(b"facts\0" + json.dumps(
        {n: f.model_dump(mode="json") for n, f in sorted(used.items())}, sort_keys=True
    ).encode())
    policy = Policy(
        meta=meta,
        sections=tuple(sections),
        definitions=definitions,
        pathways=tuple(pathways),
        redirects=tuple(redirects),
        exclusions=tuple(exclusions),
        notes=tuple(notes),
        facts=catalog,
        codes=codes,
        content_hash="sha256:" + digest.hexdigest(),
        origins=origins,
    )
    return policy, lint.problems


__all__ = ["lint_policy"]
