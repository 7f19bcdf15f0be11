"""Run many regular expressions over one short text quickly.

Python's ``re`` tries every alternative of a pattern at every position of the text. Most of our
patterns can only start with a few known letters ("physical therap...", "naproxen"), so we work out,
once per pattern, the set of short literal prefixes every match must begin with (from the parsed
pattern), index the note's possible match starts by their first characters, and try the pattern
only where one of its prefixes occurs. Results are the same as ``pattern.finditer`` (leftmost,
non-overlapping); patterns whose start cannot be bounded fall back to ``finditer``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

MAXLEN = 3
MAX_STATES = 4000

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


class _TooMany(Exception):
    pass


def _chars_of_in(items: list) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av).lower())
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 30:
                return None
            chars.update(chr(c).lower() for c in range(lo, hi + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            chars.update(" \t\n\r\f\v")
        else:  # NEGATE, other categories (\w ...): unbounded
            return None
    return chars


def _extend(states: set[tuple[str, bool]], items: list) -> set[tuple[str, bool]]:
    for op, av in items:
        if not any(open_ for _, open_ in states):
            return states
        if op is C.LITERAL:
            ch = chr(av).lower()
            states = {(s + ch, len(s) + 1 < MAXLEN) if o else (s, o) for s, o in states}
        elif op is C.IN or op is C.CATEGORY:
            chars = _chars_of_in(av if op is C.IN else [(op, av)])
            if chars is None:
                states = {(s, False) for s, _ in states}
            else:
                new = set()
                for s, o in states:
                    if o:
                        for ch in chars:
                            new.add((s + ch, len(s) + 1 < MAXLEN))
                    else:
                        new.add((s, o))
                states = new
        elif op in _ZERO_WIDTH:
            continue
        elif op is C.SUBPATTERN:
            states = _extend(states, list(av[-1]))
        elif op is C.BRANCH:
            new = set()
            for branch in av[1]:
                new |= _extend(states, list(branch))
            states = new
        elif op in _REPEATS:
            lo, hi, item = av
            taken = _extend(states, list(item)) if hi != 0 else states
            if hi != 1:
                # after one repetition more may follow: stop extending those (a shorter prefix
                # is still a valid prefix)
                taken = {(s, False) for s, _ in taken}
            states = (states | taken) if lo == 0 else taken
        else:  # ANY, NOT_LITERAL, CATEGORY, GROUPREF ...: the prefix ends here
            states = {(s, False) for s, _ in states}
        if len(states) > MAX_STATES:
            raise _TooMany
    return states


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings (1-3 characters) one of which starts every match, or None."""
    try:
        tree = P.parse(pattern.pattern, pattern.flags)
        states = _extend({("", True)}, list(tree))
    except (_TooMany, re.error, RecursionError):
        return None
    out = {s for s, _ in states}
    if "" in out or not out:
        return None
    return frozenset(out)


_STARTS = re.compile(r"\b\w|\W")


class TextIndex:
    """Where a match may start in one text: word starts and non-word characters (never the
    inside of a word), keyed by the lower-cased 1, 2 and 3 characters there."""

    def __init__(self, text: str):
        low = text.lower()
        if len(low) != len(text):  # pragma: no cover - a few characters lengthen when lowered
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.text = text
        self.low = low
        d3: dict[str, list[int]] = {}
        for m in _STARTS.finditer(low):
            i = m.start()
            key = low[i:i + 3]
            lst = d3.get(key)
            if lst is None:
                d3[key] = [i]
            else:
                lst.append(i)
        d2: dict[str, list[int]] = {}
        d1: dict[str, list[int]] = {}
        for key, lst in d3.items():
            d2.setdefault(key[:2], []).extend(lst)
            d1.setdefault(key[:1], []).extend(lst)
        self._d = (d1, d2, d3)
        self._cache: dict[int, list[int]] = {}
        self._routed: dict[int, list[int]] | None = None

    def route(self, router: "Router") -> None:
        """Work out the candidate positions of every matcher the router knows, in one pass over
        the keys present in this text."""
        by_matcher: dict[int, list[int]] = {}
        for level, table in zip(self._d, router.tables):
            for key, positions in level.items():
                for mid in table.get(key, ()):
                    lst = by_matcher.get(mid)
                    if lst is None:
                        by_matcher[mid] = list(positions)
                    else:
                        lst.extend(positions)
        self._routed = by_matcher

    def routed(self, matcher: "Matcher") -> list[int] | None:
        """Sorted candidate positions of a routed matcher ([] when it cannot match), or None."""
        if self._routed is None or matcher.rid is None:
            return None
        cached = self._cache.get(id(matcher.keys))
        if cached is not None:
            return cached
        found = self._routed.get(matcher.rid)
        result = sorted(set(found)) if found else []
        self._cache[id(matcher.keys)] = result
        return result

    def candidates(self, keys: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> list[int]:
        cached = self._cache.get(id(keys))
        if cached is not None:
            return cached
        found: list[int] = []
        for level, wanted in zip(self._d, keys):
            if wanted:
                for key in wanted & level.keys():
                    found.extend(level[key])
        result = sorted(set(found)) if found else found
        self._cache[id(keys)] = result
        return result


class Matcher:
    """``finditer`` for one compiled pattern, restricted to the positions its prefixes allow."""

    __slots__ = ("regex", "prefixes", "keys", "rid")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.prefixes = literal_prefixes(regex)
        self.rid: int | None = None
        if self.prefixes is None:
            self.keys = None
        else:
            by_len: tuple[set[str], set[str], set[str]] = (set(), set(), set())
            for p in self.prefixes:
                by_len[min(len(p), 3) - 1].add(p[:3])
            self.keys = tuple(frozenset(s) for s in by_len)

    def finditer(self, index: TextIndex, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        text = index.text
        end = len(text) if end is None else end
        if self.keys is None:
            for m in self.regex.finditer(text, start, end):
                p = m.start()
                if p > 0 and text[p].isalnum() and text[p - 1].isalnum():
                    continue  # never start inside a word
                yield m
            return
        match = self.regex.match
        cands = index.routed(self)
        if cands is None:
            cands = index.candidates(self.keys)
        if start or end < len(text):
            cands = cands[bisect_left(cands, start):bisect_left(cands, end)]
        found = [m for m in map(match, [text] * len(cands), cands, [end] * len(cands)) if m is not None]
        last = start
        for m in found:
            if m.start() >= last and m.end() > m.start():
                yield m
                last = m.end()


class Router:
    """For a fixed set of matchers: which of them may start at a given 1-3 character key."""

    def __init__(self, matchers: list[Matcher]):
        self.tables: tuple[dict[str, list[int]], ...] = ({}, {}, {})
        for rid, m in enumerate(matchers):
            if m.keys is None:
                continue
            m.rid = rid
            for table, keys in zip(self.tables, m.keys):
                for key in keys:
                    table.setdefault(key, []).append(rid)
