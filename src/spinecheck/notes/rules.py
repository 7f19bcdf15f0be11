"""Load, validate and compile the note-reading rules (``spinecheck/notes/rules/``).

* ``context.yaml``   assertion triggers (negation, history, hypothetical, family, uncertainty ...)
* ``sections.yaml``  section headers and the assertion a section implies
* ``concepts/*.yaml`` the clinical vocabulary and the facts each concept feeds
* ``derive.yaml``    facts that follow from other facts read from the note (a positive red flag
  means the record does not show "no red flags")

Every fact a rule names must exist in the fact catalog, with values of the fact's type; a
problem fails loading with ``file:line (path): message``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..engine.facts import normalize
from ..policy.durations import DurationError, duration_days
from ..errors import InputError, PolicyDataError
from ..policy.catalog import load_catalog
from ..policy.schema import FactDef
from ..policy.validation import raise_located
from ..policy.yamlsource import dotted, line_for, load_with_lines
from .schema import Concept, ConceptsFile, Condition, ContextFile, Derive, DeriveFile, Output, SectionsFile, Status, TriggerGroup
from .fastmatch import Matcher, Router
from .searcher import Searcher
from .regextree import parse
from .sentences import HeaderMatcher, header_matcher
from .values import DATE_MATCHER

PARSER_TYPES = {
    "duration": "duration", "since": "duration", "date": "date",
    "strength": "number", "pain": "number", "reflex": "number", "number": "number", "age": "number",
    "region": "set", "date_or_today": "date",
}
DEFAULT_COMBINE = {"number": "min", "duration": "max", "date": "latest"}
FLAGS = re.IGNORECASE


def wrap(pattern: str) -> str:
    """Word boundaries around a pattern whose ends are word-like."""
    # Starts: a match never starts inside a word (Matcher only tries word starts and punctuation).
    # Ends: \b after a word character; after a group, "not inside a word", so that an alternative
    # may end with punctuation ("1+", "(-)").
    tail = pattern[-1:]
    if tail.isalnum():
        post = r"\b"
    elif tail in ")?" and not pattern.endswith("\\)") and not pattern.endswith("\\?"):
        post = r"(?:(?<!\w)|(?!\w))"
    else:
        post = ""
    return f"(?:{pattern}){post}"


def alternative_parts(patterns: list[str], where: str, flags: int = FLAGS, bounded: bool = True) -> list[str]:
    """The alternatives of a pattern list as they are joined: longest first, each checked,
    bounded at word edges, its value group 'v' numbered (v0, v1 ...)."""
    ordered = sorted(patterns, key=len, reverse=True)
    for p in ordered:
        if _self_contained(p):
            continue  # any error shows when the part that holds it is compiled (see _explain)
        try:
            parse(p, flags)
        except re.error as exc:
            raise PolicyDataError(f"invalid regular expression {p!r}: {exc}", where=where) from None
    return [(wrap(p) if bounded else f"(?:{p})").replace("(?P<v>", f"(?P<v{i}>") for i, p in enumerate(ordered)]


def _self_contained(pattern: str) -> bool:
    """Whether the parentheses of ``pattern`` pair up among themselves (outside escapes and
    character classes): then the pattern is parsed the same way on its own and wrapped in a
    group, and needs no parse of its own. False when unsure (comments, verbose mode)."""
    if "#" in pattern:
        return False
    depth = 0
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: ']' right after '[' or '[^' is a member, '\\' escapes
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            if i >= n:
                return False
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def compile_alternatives(patterns: list[str], where: str, flags: int = FLAGS, bounded: bool = True) -> re.Pattern[str]:
    parts = alternative_parts(patterns, where, flags, bounded)
    try:
        return re.compile("|".join(parts), flags)
    except re.error:
        _explain(patterns, where, flags, bounded)
        raise


def _explain(patterns: list[str], where: str, flags: int, bounded: bool) -> None:
    """Raise the loader's error for patterns that do not compile: the first pattern that does
    not compile on its own, else the combination."""
    ordered = sorted(patterns, key=len, reverse=True)
    for p in ordered:
        try:
            re.compile(p, flags)
        except re.error as exc:
            raise PolicyDataError(f"invalid regular expression {p!r}: {exc}", where=where) from None
    parts = [(wrap(p) if bounded else f"(?:{p})").replace("(?P<v>", f"(?P<v{i}>") for i, p in enumerate(ordered)]
    try:
        re.compile("|".join(parts), flags)
    except re.error as exc:
        raise PolicyDataError(f"patterns do not combine: {exc}", where=where) from None


def alternatives_matcher(patterns: list[str], where: str, flags: int = FLAGS) -> Matcher:
    """A matcher for the patterns (see ``fastmatch``); the whole pattern is compiled only if
    something asks for it."""
    parts = alternative_parts(patterns, where, flags)
    try:
        return Matcher(parts, flags)
    except re.error:
        _explain(patterns, where, flags, True)
        raise


@dataclass(frozen=True)
class CompiledTriggers:
    category: str
    direction: str
    matcher: Matcher
    max_words: int | None
    crosses_commas: bool

    @property
    def regex(self) -> re.Pattern[str]:
        return self.matcher.regex


@dataclass(frozen=True)
class CompiledOutput:
    fact: FactDef
    spec: Output
    positive: Any  # raw value when the mention counts (bool/set/enum), None for parsed values
    negative: Any  # raw value when negated, or None
    accept: frozenset[str]
    combine: str | None
    positive_value: Any = None  # normalize(fact, positive), worked out once
    negative_value: Any = None  # normalize(fact, negative)


@dataclass(frozen=True)
class CompiledConcept:
    id: str
    matcher: Matcher
    outputs: tuple[CompiledOutput, ...]
    tags: frozenset[str]
    not_after: Searcher | None
    not_before: re.Pattern[str] | None
    requires: Searcher | None
    excludes: Searcher | None
    modifiers: tuple[CompiledTriggers, ...]
    context: bool
    where: str
    note_requires: Searcher | None = None
    note_excludes: Searcher | None = None
    sections: frozenset[str | None] | None = None
    not_sections: frozenset[str] = frozenset()
    region_scoped: bool | str = False
    not_after_for_region: dict[str, Searcher] = field(default_factory=dict)
    study: bool = False
    regions: frozenset[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        return self.matcher.regex


@dataclass
class Rules:
    triggers: tuple[CompiledTriggers, ...]
    headers: HeaderMatcher
    section_assertion: dict[str, str]
    concepts: tuple[CompiledConcept, ...]
    derive: tuple[Derive, ...]
    catalog: dict[str, FactDef]
    files: list[str] = field(default_factory=list)
    router: Router | None = None
    concept_matchers: tuple[Matcher, ...] = ()

    def __post_init__(self) -> None:
        self.concept_matchers = tuple(c.matcher for c in self.concepts)
        # concepts and assertion triggers are matched over the whole note; concept modifiers and
        # dates sentence by sentence
        self.router = Router(eager=[c.matcher for c in self.concepts] + [g.matcher for g in self.triggers],
                             lazy=[g.matcher for c in self.concepts for g in c.modifiers] + [DATE_MATCHER])


# ------------------------------------------------------------------------------------ loading
@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The bundled rules, validated against the bundled catalog (cached)."""
    return load_rules_from(resources.files("spinecheck.notes") / "rules", load_catalog())


def load_rules_from(folder: Traversable, catalog: dict[str, FactDef]) -> Rules:
    files: list[str] = []
    _CATALOG_FOR_CHECKS.clear()
    _CATALOG_FOR_CHECKS.update(catalog)

    def read(entry: Traversable, name: str) -> tuple[Any, dict]:
        files.append(name)
        return load_with_lines(entry.read_text(encoding="utf-8"), name)

    ctx_name = "notes/rules/context.yaml"
    data, lines = read(folder / "context.yaml", ctx_name)
    ctx = _validate(ContextFile, data, ctx_name, lines)
    triggers = tuple(_compile_group(g, f"{ctx_name}:{line_for(lines, ('triggers', i))}")
                     for i, g in enumerate(ctx.triggers))

    sec_name = "notes/rules/sections.yaml"
    data, lines = read(folder / "sections.yaml", sec_name)
    secs = _validate(SectionsFile, data, sec_name, lines)
    headers = header_matcher({s.name: s.headers for s in secs.sections})
    section_assertion = {s.name: s.assertion for s in secs.sections if s.assertion}

    concepts: list[CompiledConcept] = []
    seen: dict[str, str] = {}
    folder_c = folder / "concepts"
    for entry in sorted(folder_c.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        name = f"notes/rules/concepts/{entry.name}"
        data, lines = read(entry, name)
        parsed = _validate(ConceptsFile, data, name, lines)
        for i, c in enumerate(parsed.concepts):
            where = f"{name}:{line_for(lines, ('concepts', i))}"
            if c.id in seen:
                raise PolicyDataError(f"concept '{c.id}' is defined twice (first at {seen[c.id]}); keep one", where=where)
            seen[c.id] = where
            concepts.append(_compile_concept(c, catalog, name, lines, ("concepts", i),
                                             tuple(s.name for s in secs.sections)))

    derive: list[Derive] = []
    der_entry = folder / "derive.yaml"
    if der_entry.is_file():
        der_name = "notes/rules/derive.yaml"
        data, lines = read(der_entry, der_name)
        parsed_derive = _validate(DeriveFile, data, der_name, lines)
        for i, d in enumerate(parsed_derive.derive):
            path = ("derive", i)
            fact = _fact(catalog, d.fact, der_name, lines, path + ("fact",))
            try:
                normalize(fact, d.value, where="value")
            except InputError as exc:
                raise PolicyDataError(exc.message, where=_located(der_name, lines, path + ("value",))) from None
            for j, cond in enumerate(d.when_any):
                _check_condition(cond, catalog, der_name, lines, path + ("when_any", j))
            derive.append(d)
    return Rules(triggers, headers, section_assertion, tuple(concepts), tuple(derive), catalog, files)


_CATALOG_FOR_CHECKS: dict[str, FactDef] = {}


def fact_catalog() -> dict[str, FactDef]:
    return _CATALOG_FOR_CHECKS


def _check_condition(cond: Condition, catalog: dict[str, FactDef], filename: str, lines: dict, path: tuple) -> None:
    if cond.all is not None:
        for k, sub in enumerate(cond.all):
            _check_condition(sub, catalog, filename, lines, path + ("all", k))
        return
    assert cond.fact is not None
    fact = _fact(catalog, cond.fact, filename, lines, path + ("fact",))
    if (cond.le is not None or cond.ge is not None) and fact.type != "number":
        raise PolicyDataError(f"le/ge compare numbers; '{fact.name}' is a {fact.type}", where=_located(filename, lines, path))
    if cond.within_days is not None and fact.type != "date":
        raise PolicyDataError(f"within_days tests dates; '{fact.name}' is a {fact.type}", where=_located(filename, lines, path))
    if cond.after is not None:
        other = _fact(catalog, cond.after, filename, lines, path + ("after",))
        if fact.type != "date" or other.type != "date":
            raise PolicyDataError(f"after compares two dates; '{fact.name}' is a {fact.type}, '{other.name}' a {other.type}",
                                  where=_located(filename, lines, path))
    if cond.has_any is not None:
        if fact.type != "set":
            raise PolicyDataError(f"has_any tests sets; '{fact.name}' is a {fact.type}", where=_located(filename, lines, path))
        bad = [v for v in cond.has_any if v not in (fact.values or ())]
        if bad:
            raise PolicyDataError(f"'{fact.name}' has no value {', '.join(bad)}", where=_located(filename, lines, path))
    if cond.eq is not None:
        try:
            normalize(fact, cond.eq, where="eq")
        except InputError as exc:
            raise PolicyDataError(exc.message, where=_located(filename, lines, path + ("eq",))) from None


def _validate(model: type[BaseModel], data: Any, filename: str, lines: dict) -> Any:
    try:
        return model.model_validate(data or {})
    except ValidationError as exc:
        try:
            raise_located(exc, filename, lines)
        except PolicyDataError as located:
            raise PolicyDataError(located.message.replace("docs/policy-format.md", "docs/notes.md")) from None


def _located(filename: str, lines: dict, path: tuple) -> str:
    return f"{filename}:{line_for(lines, path) or '?'} ({dotted(path)})"


def _fact(catalog: dict[str, FactDef], name: str, filename: str, lines: dict, path: tuple) -> FactDef:
    fact = catalog.get(name)
    if fact is None:
        close = difflib.get_close_matches(name, [n for n, f in catalog.items() if not f.derived], n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "; `spinecheck facts` lists the catalog"
        raise PolicyDataError(f"unknown fact '{name}' (not in the fact catalog){hint}", where=_located(filename, lines, path))
    if fact.derived:
        raise PolicyDataError(f"fact '{name}' is derived from the request and cannot be read from a note",
                              where=_located(filename, lines, path))
    return fact


def _compile_group(g: TriggerGroup, where: str) -> CompiledTriggers:
    crosses = g.crosses_commas if g.crosses_commas is not None else g.direction != "backward"
    return CompiledTriggers(g.category, g.direction, alternatives_matcher(g.patterns, where), g.max_words, crosses)


def _compile_concept(c: Concept, catalog: dict[str, FactDef], filename: str, lines: dict, path: tuple,
                     section_names: tuple[str, ...] = ()) -> CompiledConcept:
    where = _located(filename, lines, path)
    flags = 0 if c.case_sensitive else FLAGS
    outputs = []
    for j, out in enumerate(c.sets):
        opath = path + ("sets", j)
        fact = _fact(catalog, out.fact, filename, lines, opath + ("fact",))
        outputs.append(_compile_output(out, fact, filename, lines, opath))

    def pattern_for(patterns: list[str], anchor: Literal["end", "start", "none"], key: str) -> tuple[str, str]:
        where = _located(filename, lines, path + (key,))
        body = "|".join(alternative_parts(patterns, where, flags, bounded=anchor != "none"))
        return {"end": rf"(?:{body})[\s,:(\-]*$", "start": rf"[\s,:)\-]*(?:{body})", "none": body}[anchor], where

    def opt(patterns: list[str], anchor: Literal["start"], key: str) -> re.Pattern[str] | None:
        if not patterns:
            return None
        pattern, where = pattern_for(patterns, anchor, key)
        try:
            return re.compile(pattern, flags)
        except re.error:
            _explain(patterns, where, flags, bounded=True)
            raise

    def search(patterns: list[str], anchor: Literal["end", "none"], key: str) -> Searcher | None:
        if not patterns:
            return None
        pattern, where = pattern_for(patterns, anchor, key)
        try:
            return Searcher.compile(pattern, flags)
        except re.error:
            _explain(patterns, where, flags, bounded=anchor != "none")
            raise

    modifiers = tuple(_compile_group(g, _located(filename, lines, path + ("modifiers", k)))
                      for k, g in enumerate(c.modifiers))
    known_sections = set(section_names)
    for key, names in (("sections", c.sections or []), ("not_sections", c.not_sections)):
        bad = [n for n in names if n not in known_sections]
        if bad:
            raise PolicyDataError(f"unknown section {', '.join(bad)}; sections are named in sections.yaml "
                                  f"({', '.join(sorted(known_sections))})", where=_located(filename, lines, path + (key,)))
    return CompiledConcept(
        id=c.id,
        matcher=alternatives_matcher(c.patterns, _located(filename, lines, path + ("patterns",)), flags),
        outputs=tuple(outputs),
        tags=frozenset(c.tags),
        not_after=search(c.not_after, "end", "not_after"),
        not_before=opt(c.not_before, "start", "not_before"),
        requires=search(c.requires, "none", "requires"),
        excludes=search(c.excludes, "none", "excludes"),
        modifiers=modifiers,
        context=c.context,
        where=where,
        note_requires=search(c.note_requires, "none", "note_requires"),
        note_excludes=search(c.note_excludes, "none", "note_excludes"),
        sections=frozenset(c.sections) if c.sections is not None else None,
        not_sections=frozenset(c.not_sections),
        region_scoped=c.region_scoped,
        not_after_for_region={region: found for region, patterns in c.not_after_for_region.items()
                              if (found := search(patterns, "end", f"not_after_for_region.{region}")) is not None},
        study=c.study,
        regions=frozenset(c.regions) if c.regions is not None else None,
    )


def _compile_output(out: Output, fact: FactDef, filename: str, lines: dict, path: tuple) -> CompiledOutput:
    where = _located(filename, lines, path)
    t = fact.type
    positive: Any = None
    negative: Any = None
    normalized: dict[str, Any] = {}
    if out.marks_conflict:
        if out.value is not None or out.from_ is not None:
            raise PolicyDataError("a 'marks_conflict' output carries no value or parser", where=where)
    elif out.from_ is not None:
        want = PARSER_TYPES[out.from_]
        if want != t:
            raise PolicyDataError(f"parser '{out.from_}' reads a {want}, but fact '{fact.name}' is a {t}", where=where)
        if out.value is not None:
            raise PolicyDataError("give either 'value' or 'from', not both", where=where)
        if out.negated not in ("default", None):
            raise PolicyDataError("a parsed value cannot have a 'negated' value", where=where)
    else:
        if t in ("number", "duration", "date") and out.value is None:
            raise PolicyDataError(f"fact '{fact.name}' is a {t}: give 'from' (a parser) or a constant 'value'", where=where)
        positive = True if (t == "bool" and out.value is None) else out.value
        if t in ("set", "enum") and positive is None:
            raise PolicyDataError(f"fact '{fact.name}' is a {t}: give the member in 'value' "
                                  f"(one of: {', '.join(fact.values or ())})", where=where)
        if out.negated == "default":
            negative = (not positive) if t == "bool" else None
        else:
            negative = out.negated
        for label, v in (("value", positive), ("negated", negative)):
            if v is None:
                continue
            try:
                normalized[label] = normalize(fact, v, where=label)
            except InputError as exc:
                raise PolicyDataError(exc.message, where=_located(filename, lines, path + (label,))) from None
    if (out.value_lt is not None or out.value_ge is not None) and t != "number":
        raise PolicyDataError(f"value_lt / value_ge bound numbers; '{fact.name}' is a {t}", where=where)
    if out.window is not None:
        try:
            duration_days(out.window)
        except DurationError:
            raise PolicyDataError(f"'window' is a span such as '6 months', not {out.window!r}", where=where) from None
    if (out.within_episode or out.window is not None) and out.from_ not in ("duration", "since"):
        raise PolicyDataError(f"'within_episode' and 'window' apply to durations read from the note (from: duration or since), "
                              f"not to '{fact.name}' here", where=where)
    if out.combine is not None and t not in ("number", "duration", "date"):
        raise PolicyDataError(f"'combine' applies to number, duration and date facts, not to {t} '{fact.name}'", where=where)
    accept = set(out.accept if out.accept is not None else ["present"])
    if out.accept is None and fact.accepts_uncertain:
        accept.add("uncertain")
    if out.denies and t != "set":
        raise PolicyDataError(f"'denies' applies to set facts; '{fact.name}' is a {t}", where=where)
    if out.only_if is not None:
        _check_condition(out.only_if, fact_catalog(), filename, lines, path + ("only_if",))
    combine = out.combine or DEFAULT_COMBINE.get(t)
    return CompiledOutput(fact, out, positive, negative, frozenset(accept), combine,
                          normalized.get("value"), normalized.get("negated"))


ALL_STATUSES: tuple[Status, ...] = ("present", "negated", "historical", "remote", "hypothetical", "planned", "family", "uncertain")
