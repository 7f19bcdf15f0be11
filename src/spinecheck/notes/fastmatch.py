"""Run many regular expressions over one short text quickly.

Python's ``re`` tries every alternative of a pattern at every position it is asked to try, and
each call costs about as much as matching a short phrase. Most of our patterns are long
alternations of phrases ("physical therap...", "naproxen", "no"), and a phrase can only start
where its first few characters occur. So:

* every alternative of a pattern is compiled on its own, and the short strings (up to
  ``KEYLEN`` characters) that every match of it must begin with are worked out once from the
  parsed regex (``regextree.literal_prefixes``);
* a note is keyed once: at each place a match may start (a word start, or a non-word character
  that some prefix begins with) the next ``KEYLEN`` characters, lower-cased, with every non-word
  character after the first written as a space (so ``\\b``, ``\\s``, ``\\W`` and punctuation are
  known too);
* a ``Router`` maps such a key to the matchers - and, per matcher, the alternatives in their
  order - that can match there; only those alternatives are tried, first one first. Keys seen
  are remembered, so a key is worked out once per process.

Concepts and assertion triggers ("eager" matchers) are matched in the same pass that keys the
note; on a plain ASCII note they run case-folded on the lower-cased text
(``regextree.fold_case``: same matches, and ``re`` no longer folds case character by character).
Concept modifiers and dates ("lazy") are matched on request, sentence by sentence.

The result is what the pattern (the alternatives joined with ``|``) gives when tried at every
word start and non-word character: at each place the first alternative that matches, leftmost
non-overlapping, empty matches skipped. A pattern whose start cannot be bounded, or one with back
references (which mean something else once the alternatives are apart), is matched as a whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress
from re import _compiler  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Callable, Optional

from .regextree import SPACE, fold_case, is_word, key_char, literal_prefixes, parse, place_finder

KEYLEN = 5  # characters of a key (and at most of a prefix)
CACHE_LIMIT = 50_000  # keys remembered per router and per matcher (forgotten when full)

Match = re.Match[str]
MatchFn = Callable[[str, int, int], Optional[Match]]
Alts = tuple[MatchFn, ...]
Candidates = tuple[list[int], list[Alts]]  # positions, and the alternatives to try at each

_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_NON_WORD = re.compile(r"\W")
_ANY_START = re.compile(r"\b\w|\W")
_start = re.Match.start
_ASCII_KEYS = str.maketrans({c: SPACE for c in map(chr, range(128)) if not is_word(c)})


_KEY_CHARS: dict[int, str] = {}  # non-ASCII character -> regextree.key_char


def key_lower(text: str) -> str:
    """``text`` lower-cased as keys see it (the same length; for ASCII text, ``text.lower()``)."""
    if text.isascii():
        return text.lower()
    table = _KEY_CHARS
    for ch in set(text):
        if ord(ch) not in table:
            table[ord(ch)] = key_char(ord(ch))
    return text.translate(table)


def key_text(low: str) -> str:
    """The lower-cased text with every non-word character as a space, padded at the end."""
    keyed = low.translate(_ASCII_KEYS) if low.isascii() else _NON_WORD.sub(SPACE, low)
    return keyed + SPACE * KEYLEN


# --------------------------------------------------------------------------------------- matcher
class Matcher:
    """Leftmost non-overlapping matches of ``"|".join(parts)`` that start at a word start or a
    non-word character, trying at each place only the alternatives that can start there. A match
    is the one of the alternative that matched (same span as the whole pattern's; it has only
    that alternative's groups)."""

    __slots__ = ("pattern", "flags", "alternatives", "folded", "prefixes", "_regex", "_tables", "_cache")

    def __init__(self, parts: Sequence[str], flags: int = 0, *, regex: re.Pattern[str] | None = None):
        self.pattern = "|".join(parts)
        self.flags = flags
        self._regex = regex
        self._cache: dict[str, Alts] = {}
        alternatives: list[MatchFn] = []
        folded: list[MatchFn | None] = []
        prefixes: list[frozenset[str]] = []
        for tree in _alternatives(parts, flags):
            found = literal_prefixes(tree, KEYLEN)
            if found is None:  # an unbounded alternative: the whole pattern is scanned
                alternatives, folded, prefixes = [], [], []
                break
            alternatives.append(_compiler.compile(tree, int(flags)).match)
            lowered = fold_case(tree)
            folded.append(None if lowered is None else _compiler.compile(lowered, 0).match)
            prefixes.append(found)
        self.alternatives: tuple[MatchFn, ...] = tuple(alternatives)
        # the same alternatives for the lower-cased text of a plain ASCII note (None: none such)
        self.folded: tuple[MatchFn | None, ...] = tuple(folded)
        self.prefixes: tuple[frozenset[str], ...] = tuple(prefixes)
        self._tables = _tables([(self, i, p) for i, p in enumerate(prefixes)])

    @property
    def regex(self) -> re.Pattern[str]:
        """The whole pattern, compiled on first use."""
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    @property
    def bounded(self) -> bool:
        return bool(self.alternatives)

    def alternatives_at(self, key: str) -> Alts:
        """The alternatives, in order, that may match where the text has ``key``."""
        found = self._cache.get(key)
        if found is None:
            found = tuple(self.alternatives[i] for i in _lookup(self._tables, key).get(self, ()))
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def finditer(self, index: "TextIndex", start: int = 0, end: int | None = None) -> list[Match]:
        """The matches in text[start:end] (an ``end`` before the end of the text is the end of
        the string for the pattern, as for ``re``)."""
        text = index.text
        size = len(text)
        end = size if end is None else end
        if not self.alternatives:
            out = []
            for m in self.regex.finditer(text, start, end):
                p = m.start()
                if p > 0 and text[p].isalnum() and text[p - 1].isalnum():
                    continue  # never start inside a word
                out.append(m)
            return out
        if not start and end == size:
            found = index.matched(self)
            if found is not None:
                return found
        positions, alternatives = index.candidates(self)
        pairs: Iterable[tuple[int, Alts]]
        if start or end < size:
            # a key looks at KEYLEN characters: near `end` the keys of the whole text may have
            # seen past it, so there every place is keyed again as the text ends at `end`
            near_end = max(start, end - KEYLEN + 1) if end < size else end
            lo, hi = bisect_left(positions, start), bisect_left(positions, near_end)
            pairs = chain(zip(positions[lo:hi], alternatives[lo:hi]), index.ending_at(self, near_end, end))
        else:
            pairs = zip(positions, alternatives)
        out = []
        last = start
        for pos, alts in pairs:
            if pos < last:
                continue  # inside the previous match
            for alt in alts:
                m = alt(text, pos, end)
                if m is not None:
                    break
            else:
                continue
            m_end = m.end()
            if m_end > pos:
                out.append(m)
                last = m_end
        return out


def _alternatives(parts: Sequence[str], flags: int) -> list[P.SubPattern]:
    """The parsed alternatives to try one by one; the whole pattern as one when there is one
    part, or when back references would mean something else once the parts are apart. Raises
    re.error when a part does not parse or the parts do not combine (a group name twice)."""
    whole = "|".join(parts)
    if len(parts) < 2 or any(_BACKREF.search(p) for p in parts):
        return [parse(whole, flags)]
    trees = [parse(p, flags) for p in parts]
    names = [name for tree in trees for name in tree.state.groupdict]
    if len(names) != len(set(names)):
        re.compile(whole, flags)  # raises: a group name is defined twice
    return trees


Tables = tuple[dict[str, list[tuple[Matcher, int]]], ...]


def _tables(entries: Iterable[tuple[Matcher, int, frozenset[str]]]) -> Tables:
    tables: Tables = tuple({} for _ in range(KEYLEN))
    for matcher, i, prefixes in entries:
        for p in prefixes:
            tables[len(p) - 1].setdefault(p, []).append((matcher, i))
    return tables


def _lookup(tables: Tables, key: str) -> dict[Matcher, list[int]]:
    """The matchers that may match where the text has ``key``, each with the (indices of the)
    alternatives that may, in order."""
    found: dict[Matcher, list[int]] = {}
    for n, table in enumerate(tables, 1):
        for matcher, i in table.get(key[:n], ()):
            found.setdefault(matcher, []).append(i)
    return {m: sorted(set(idx)) for m, idx in found.items()}


# ---------------------------------------------------------------------------------------- router
def _word_starts(keys: str) -> list[int]:
    """Where the words of a key text start (every non-word character is a space there): the
    position of each non-empty piece between spaces, counted without a Python loop."""
    pieces = keys.split(SPACE)
    return list(compress(accumulate(map(_one_more, map(len, pieces)), initial=0), pieces))


_one_more = (1).__add__


def _other_starts(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    """Where a prefix that begins with a non-word character may start (see ``regextree.place_finder``)."""
    found = [p for p in prefixes if not is_word(p[0])]
    return place_finder(found) if found else None


class Router:
    """For fixed sets of matchers: which of them (and which of their alternatives) may match
    where a text has a given key; keys seen are remembered. ``eager`` matchers are matched over
    the whole text while the text is keyed (``TextIndex``); the others are matched on request,
    over any part of the text."""

    def __init__(self, eager: Iterable[Matcher], lazy: Iterable[Matcher] = ()):
        self.eager = frozenset(m for m in eager if m.bounded)
        self.matchers = [m for m in dict.fromkeys([*eager, *lazy]) if m.bounded]
        self.known = frozenset(self.matchers)
        self._tables = _tables((m, i, p) for m in self.matchers for i, p in enumerate(m.prefixes))
        self.known_keys: dict[str, Entries] = {}
        self.other_starts = _other_starts(p for m in self.matchers for ps in m.prefixes for p in ps)

    def starts(self, low: str, keys: str) -> list[int]:
        """Where a match may start in a lower-cased text (``keys``: its key text): word starts,
        and non-word characters that a prefix begins with (when what follows fits)."""
        words = _word_starts(keys)
        if self.other_starts is None:
            return words
        return sorted(words + list(map(_start, self.other_starts.finditer(low))))

    def at(self, key: str) -> Entries:
        """() when nothing may match where the text has ``key``; else (eager for an ASCII text,
        eager for another text, lazy): the matchers that may, each with the alternatives to
        try (eager ones: and whether they run on the text as it is, or lower-cased)."""
        found = self.known_keys.get(key)
        if found is None:
            found = ()
            entries = _lookup(self._tables, key)
            if entries:
                found = (tuple(_eager_entry(m, idx, True) for m, idx in entries.items() if m in self.eager),
                         tuple(_eager_entry(m, idx, False) for m, idx in entries.items() if m in self.eager),
                         tuple((m, tuple(m.alternatives[i] for i in idx)) for m, idx in entries.items()
                               if m not in self.eager))
            if len(self.known_keys) > CACHE_LIMIT:
                self.known_keys.clear()
            self.known_keys[key] = found
        return found


def _eager_entry(matcher: Matcher, idx: list[int], ascii_text: bool) -> tuple[Matcher, Alts, bool]:
    """(matcher, alternatives, whether they run on the text as it is): on a plain ASCII text the
    case-folded alternatives run on the lower-cased text, when all of them have one."""
    if ascii_text and all(matcher.folded[i] is not None for i in idx):
        return matcher, tuple(matcher.folded[i] for i in idx), False  # type: ignore[misc]
    return matcher, tuple(matcher.alternatives[i] for i in idx), True


Entries = tuple  # () or (eager on ASCII text, eager on other text, lazy)


# ------------------------------------------------------------------------------------ text index
class TextIndex:
    """One text keyed for matching: where matches may start and what each matcher may try
    there; with a router, the router's eager matchers are matched over the whole text at once."""

    def __init__(self, text: str, router: Router | None = None):
        low = key_lower(text)
        self.text = text
        self.low = low
        self.keys = key_text(low)
        self.ascii = text.isascii()  # (then low is text.lower())
        self._router = router
        self._starts: list[int] = []
        self._routed: dict[Matcher, Candidates] = {}  # candidates of lazy matchers
        self._matched: dict[Matcher, list[Match]] = {}  # whole-text matches of eager matchers
        if router is not None:
            self._route(router)

    def _key(self, i: int) -> str:
        return self.low[i] + self.keys[i + 1:i + KEYLEN]

    def _route(self, router: Router) -> None:
        low, keys = self.low, self.keys
        starts = self._starts = router.starts(low, keys)
        found = list(map(router.known_keys.get, [low[i] + keys[i + 1:i + KEYLEN] for i in starts]))
        if None in found:
            found = [f if f is not None else router.at(self._key(i)) for i, f in zip(starts, found)]
        text, size = self.text, len(self.text)
        which = 0 if self.ascii else 1
        matched, routed = self._matched, self._routed
        last: dict[Matcher, int] = {}  # where each eager matcher's last match ends
        for i, entries in compress(zip(starts, found), found):
            for matcher, alts, as_is in entries[which]:
                on = text if as_is else low
                for alt in alts:
                    m = alt(on, i, size)
                    if m is not None:
                        break
                else:
                    continue
                m_end = m.end()
                if m_end > i and i >= last.get(matcher, 0):  # (not inside its previous match)
                    last[matcher] = m_end
                    lst = matched.get(matcher)
                    if lst is None:
                        matched[matcher] = [m]
                    else:
                        lst.append(m)
            for matcher, alts in entries[2]:
                cands = routed.get(matcher)
                if cands is None:
                    routed[matcher] = ([i], [alts])
                else:
                    cands[0].append(i)
                    cands[1].append(alts)

    def matching(self, matchers: Sequence[Matcher]) -> Iterator[tuple[int, list[Match]]]:
        """(i, whole-text matches) for each of ``matchers`` that matches, in their order."""
        matched = self._matched
        eager = self._router.eager if self._router is not None else frozenset()
        for i, matcher in enumerate(matchers):
            found = matched.get(matcher)
            if found is None:
                if matcher in eager:
                    continue
                found = matcher.finditer(self)
            if found:
                yield i, found

    def matched(self, matcher: Matcher) -> list[Match] | None:
        """The whole-text matches of an eager matcher of the router, else None."""
        found = self._matched.get(matcher)
        if found is None and self._router is not None and matcher in self._router.eager:
            return []
        return found

    def ending_at(self, matcher: Matcher, lo: int, end: int) -> list[tuple[int, Alts]]:
        """(position, alternatives) for the places in text[lo:end] where ``matcher`` may match
        when the text ends at ``end``."""
        low, keys, at = self.low, self.keys, matcher.alternatives_at
        out = []
        for i in map(_start, _ANY_START.finditer(low, lo, end)):
            alts = at((low[i] + keys[i + 1:end] + SPACE * KEYLEN)[:KEYLEN])
            if alts:
                out.append((i, alts))
        return out

    def candidates(self, matcher: Matcher) -> Candidates:
        """Positions, in text order, where a bounded ``matcher`` may match, and the
        alternatives to try at each."""
        found = self._routed.get(matcher)
        if found is not None:
            return found
        router = self._router
        if router is not None and matcher in router.known and matcher not in router.eager:
            found = ([], [])
        else:  # not routed here, or an eager matcher asked for part of the text
            starts = self._starts if router is not None else map(_start, _ANY_START.finditer(self.low))
            at = matcher.alternatives_at
            pairs = [(i, alts) for i, alts in ((i, at(self._key(i))) for i in starts) if alts]
            found = ([i for i, _ in pairs], [alts for _, alts in pairs])
        self._routed[matcher] = found
        return found
