"""Search one pattern in parts of a text, only where the pattern can start.

A case-insensitive alternation ("requires: [history of, prior, previous]") makes ``re.search``
run every alternative at every character. A ``Searcher`` first scans the (lower-cased) text for
the places where one of the pattern's prefixes starts - one scan for a set of characters - and
runs the pattern only there. Results are those of ``regex.search`` / ``regex.finditer``; texts
that are not plain ASCII are searched as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _compiler  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from .fastmatch import KEYLEN, Match, TextIndex
from .regextree import ASCII_OR_LOCALE, literal_prefixes, parse, place_finder

_start = re.Match.start


class Searcher:
    """``regex.search`` / ``regex.finditer`` (same results) that only try the places where a
    prefix of the pattern occurs. ``text`` may be the note's TextIndex (its lower-cased copy is
    used) or a plain string."""

    __slots__ = ("pattern", "regex", "finder")

    def __init__(self, regex: re.Pattern[str], tree: P.SubPattern | None = None, pattern: str | None = None):
        self.regex = regex
        self.pattern: str = regex.pattern if pattern is None else pattern
        self.finder: re.Pattern[str] | None = None  # see regextree.place_finder
        if not regex.flags & ASCII_OR_LOCALE:
            found = literal_prefixes(tree if tree is not None else parse(self.pattern, regex.flags), KEYLEN)
            if found is not None and all(p.isascii() for p in found):
                self.finder = place_finder(found)

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> "Searcher":
        """A searcher for ``pattern`` (parsed once; raises re.error as re.compile does)."""
        tree = parse(pattern, flags)
        return cls(_compiler.compile(tree, int(flags)), tree, pattern)

    def search(self, text: TextIndex | str, start: int = 0, end: int | None = None) -> Match | None:
        """``regex.search(text, start, end)``."""
        if text.__class__ is TextIndex:  # (the common case, written out)
            index: TextIndex = text  # type: ignore[assignment]
            plain = index.text
            if end is None:
                end = len(plain)
            finder = self.finder
            if finder is None or not index.ascii:
                return self.regex.search(plain, start, end)
            match = self.regex.match
            for m in finder.finditer(index.low, start, end):
                found = match(plain, m.start(), end)
                if found is not None:
                    return found
            return None
        plain = text  # type: ignore[assignment]
        if end is None:
            end = len(plain)
        places = self._places(plain, start, end, None)
        if places is None:
            return self.regex.search(plain, start, end)
        match = self.regex.match
        for p in places:
            found = match(plain, p, end)
            if found is not None:
                return found
        return None

    def finditer(self, text: TextIndex | str, start: int = 0, end: int | None = None) -> list[Match]:
        """``list(regex.finditer(text, start, end))`` (a bounded pattern never matches empty)."""
        index = text if isinstance(text, TextIndex) else None
        plain = index.text if index is not None else text
        if end is None:
            end = len(plain)
        places = self._places(plain, start, end, index)
        if places is None:
            return list(self.regex.finditer(plain, start, end))
        match = self.regex.match
        out = []
        last = start
        for p in places:
            if p < last:
                continue
            found = match(plain, p, end)
            if found is not None:
                out.append(found)
                last = found.end()
        return out

    def _places(self, text: str, start: int, end: int, index: TextIndex | None) -> Iterable[int] | None:
        """Where a match may start in text[start:end], in order; None: try everywhere."""
        if self.finder is None:
            return None
        if index is not None:
            return map(_start, self.finder.finditer(index.low, start, end)) if index.ascii else None
        part = text[start:end].lower()
        if not part.isascii():
            return None
        return [start + p for p in map(_start, self.finder.finditer(part))]


def prefix_finder(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches (one character) at every place of a lower-cased ASCII text where
    a match of ``regex`` may start; None when that cannot be told."""
    return Searcher(regex).finder
