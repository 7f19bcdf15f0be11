"""Run many regular expressions over one short text quickly.

Python's ``re`` tries every alternative of a pattern at every position it is asked to try. Most
of our patterns are long alternations of phrases ("physical therap...", "naproxen", "no"), and a
phrase can only start where its first few characters occur. So:

* every alternative of a pattern is compiled on its own, and the short strings (up to
  ``KEYLEN`` characters) that every match of it must begin with are worked out once from the
  parsed regex (``literal_prefixes``);
* a note is keyed once: at each place a match may start (a word start or a non-word character,
  never the inside of a word) the next ``KEYLEN`` characters, lower-cased, with every non-word
  character after the first written as a space (so ``\\b``, ``\\s``, ``\\W`` and punctuation are
  known too);
* a ``Router`` maps such a key to the matchers - and, per matcher, the alternatives in their
  order - that can match there; only those alternatives are tried, first one first.

The result is what the pattern (the alternatives joined with ``|``) gives when tried at every
word start and non-word character: at each place the first alternative that matches, leftmost
non-overlapping, empty matches skipped. A pattern whose start cannot be bounded, or one with back
references (which mean something else once the alternatives are apart), is matched as a whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from re import _constants as C  # type: ignore[attr-defined]
from re import _compiler  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Callable, Optional

KEYLEN = 5  # characters of a key (and at most of a prefix)
MAX_STATES = 4000  # prefixes per alternative before the analysis gives up on this length
UNROLL = 64  # prefixes a repeat may add when unrolled ("\\s*so" -> " so", "so")
CACHE_LIMIT = 200_000  # keys remembered per router (cleared when full)
SPACE = " "  # how a non-word character after the first one of a key is written

Match = re.Match[str]
MatchFn = Callable[[str, int, int], Optional[Match]]
Alts = tuple[MatchFn, ...]

_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_ASCII_OR_LOCALE = int(re.ASCII | re.LOCALE)
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_NON_WORD = re.compile(r"\W")
_ANY_START = re.compile(r"\b\w|\W")
_start = re.Match.start


class _TooMany(Exception):
    pass


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# ------------------------------------------------------------------------------ prefix analysis
def _chars_of_in(items: list) -> tuple[set[str], bool] | None:
    """Lower-cased characters of a character class (and whether it holds every non-word
    character), or None when it is too wide to list."""
    chars: set[str] = set()
    non_word = False
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
        elif op is C.CATEGORY and av is C.CATEGORY_NOT_WORD:
            non_word = True
        else:  # NEGATE, \w, \D ...: unbounded
            return None
    return chars, non_word


class _Prefixes:
    """The prefixes of one parsed pattern for one key length. A state is two sets: prefixes
    that may still grow (open) and prefixes that are complete (closed)."""

    def __init__(self, keylen: int):
        self.keylen = keylen

    def grow(self, open_: set[str], closed: set[str], firsts: Iterable[str] | None, keyed: Iterable[str]
             ) -> tuple[set[str], set[str]]:
        """One more character: ``firsts`` as the first one (None: any non-word character, which
        cannot be listed), ``keyed`` (as a key writes it) after the first."""
        k = self.keylen
        grown: set[str] = set()
        ended: set[str] = set()
        for s in open_:
            if s:
                for ch in keyed:
                    t = s + ch
                    (grown if len(t) < k else ended).add(t)
            elif firsts is None:
                ended.add(s)
            else:
                (grown if 1 < k else ended).update(firsts)
        return grown, (closed | ended) if ended else closed

    def extend(self, open_: set[str], closed: set[str], items: Iterable, flags: int) -> tuple[set[str], set[str]]:
        for op, av in items:
            if not open_:
                break
            if op is C.LITERAL:
                ch = chr(av).lower()
                open_, closed = self.grow(open_, closed, (ch,), (ch if _is_word(ch) else SPACE,))
            elif op is C.IN:
                chars = _chars_of_in(av)
                if chars is None:
                    open_, closed = set(), closed | open_
                else:
                    members, non_word = chars
                    keyed = {ch if _is_word(ch) else SPACE for ch in members}
                    if non_word:
                        keyed.add(SPACE)
                    open_, closed = self.grow(open_, closed, None if non_word else members, keyed)
            elif op is C.AT:
                if av is C.AT_BOUNDARY and not flags & _ASCII_OR_LOCALE:
                    # after a word character a boundary means a non-word character (or the end)
                    after_word = {s for s in open_ if s and _is_word(s[-1])}
                    if after_word:
                        grown, closed = self.grow(after_word, closed, (), (SPACE,))
                        open_ = (open_ - after_word) | grown
                continue
            elif op in _ZERO_WIDTH:
                continue
            elif op is C.SUBPATTERN:
                _, add_flags, del_flags, sub = av
                open_, closed = self.extend(open_, closed, sub, (flags | add_flags) & ~del_flags)
            elif _ATOMIC is not None and op is _ATOMIC:
                open_, closed = self.extend(open_, closed, av, flags)
            elif op is C.BRANCH:
                grown: set[str] = set()
                ends = set(closed)
                for branch in av[1]:
                    o, c = self.extend(open_, closed, branch, flags)
                    grown |= o
                    ends |= c
                open_, closed = grown, ends
            elif op in _REPEATS:
                open_, closed = self.repeat(open_, closed, av, flags)
            else:  # ANY, NOT_LITERAL, GROUPREF ...: the prefix ends here
                open_, closed = set(), closed | open_
            if len(open_) + len(closed) > MAX_STATES:
                raise _TooMany
        return open_, closed

    def repeat(self, open_: set[str], closed: set[str], av: tuple, flags: int) -> tuple[set[str], set[str]]:
        """Unrolled: "\\s*so" starts with "so", " so", "  so" ... (up to the key length)."""
        lo, hi, item = av
        if hi == 0:
            return open_, closed
        out = set(open_) if lo == 0 else set()  # open prefixes after an allowed number of repetitions
        cur, ended = open_, closed
        for n in range(1, self.keylen + 1):
            cur, ended = self.extend(cur, ended, item, flags)
            if n >= lo:
                out |= cur
                if len(out) + len(ended) > UNROLL:  # too many: stop after one repetition
                    once, once_ended = self.extend(open_, closed, item, flags)
                    if hi != 1:
                        once, once_ended = set(), once_ended | once
                    return (open_ | once, once_ended) if lo == 0 else (once, once_ended)
            if n == hi or not cur:
                return out, ended
        # more repetitions may follow: what is still open ends here
        return set(), ended | out | cur


def literal_prefixes(tree: P.SubPattern, keylen: int = KEYLEN) -> frozenset[str] | None:
    """Strings (1..keylen characters, lower-cased, non-word characters after the first written
    as a space) one of which starts every match of the parsed pattern; None if unbounded."""
    for k in range(keylen, 2, -1):
        try:
            open_, closed = _Prefixes(k).extend({""}, set(), tree, tree.state.flags)
        except (_TooMany, RecursionError):
            continue
        out = open_ | closed
        if "" in out or not out:
            return None
        return frozenset(out)
    return None


_ASCII_KEYS = str.maketrans({c: SPACE for c in map(chr, range(128)) if not _is_word(c)})


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

    __slots__ = ("pattern", "flags", "alternatives", "prefixes", "_regex", "_tables", "_cache")

    def __init__(self, parts: Sequence[str], flags: int = 0, *, regex: re.Pattern[str] | None = None):
        self.pattern = "|".join(parts)
        self.flags = flags
        self._regex = regex
        self._cache: dict[str, Alts] = {}
        alternatives: list[MatchFn] = []
        prefixes: list[frozenset[str]] = []
        for tree in _alternatives(parts, flags):
            found = literal_prefixes(tree)
            if found is None:  # an unbounded alternative: the whole pattern is scanned
                alternatives, prefixes = [], []
                break
            alternatives.append(_compiler.compile(tree, int(flags)).match)
            prefixes.append(found)
        self.alternatives: tuple[MatchFn, ...] = tuple(alternatives)
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
            found = _lookup(self._tables, key).get(self, ())
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def finditer(self, index: "TextIndex", start: int = 0, end: int | None = None) -> list[Match]:
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
        cands = index.candidates(self)
        if start or end < size:
            cands = cands[bisect_left(cands, start, key=_pos):bisect_left(cands, end, key=_pos)]
        near_end = end - KEYLEN if end < size else size
        out = []
        last = start
        for pos, alts in cands:
            if pos < last:
                continue  # inside the previous match
            if pos > near_end:  # the key looked past `end`: key the text as it ends there
                alts = self.alternatives_at((index.low[pos] + index.keys[pos + 1:end] + SPACE * KEYLEN)[:KEYLEN])
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
        return [sre_parse(whole, flags)]
    trees = [sre_parse(p, flags) for p in parts]
    names = [name for tree in trees for name in tree.state.groupdict]
    if len(names) != len(set(names)):
        re.compile(whole, flags)  # raises: a group name is defined twice
    return trees


def sre_parse(pattern: str, flags: int = 0) -> P.SubPattern:
    """``pattern`` parsed as ``re.compile`` parses it (the parse errors are the same)."""
    return P.parse(pattern, int(flags))  # (re.compile passes the flags on as a plain int too)


def _pos(cand: tuple[int, Alts]) -> int:
    return cand[0]


Tables = tuple[dict[str, list[tuple[Matcher, int]]], ...]


def _tables(entries: Iterable[tuple[Matcher, int, frozenset[str]]]) -> Tables:
    tables: Tables = tuple({} for _ in range(KEYLEN))
    for matcher, i, prefixes in entries:
        for p in prefixes:
            tables[len(p) - 1].setdefault(p, []).append((matcher, i))
    return tables


def _lookup(tables: Tables, key: str) -> dict[Matcher, Alts]:
    found: dict[Matcher, list[int]] = {}
    for n, table in enumerate(tables, 1):
        for matcher, i in table.get(key[:n], ()):
            found.setdefault(matcher, []).append(i)
    return {m: tuple(m.alternatives[i] for i in sorted(set(idx))) for m, idx in found.items()}


# ---------------------------------------------------------------------------------------- router
_WORDS = re.compile(r"\w+")


def _other_starts(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    """Where a prefix that begins with a non-word character may start (see ``_finder``)."""
    found = [p for p in prefixes if not _is_word(p[0])]
    return _finder(found) if found else None


def _trie(strings: set[str]) -> str:
    """A regular expression for any of ``strings`` (a space stands for a non-word character or
    the end of the text), '' when one of them is empty."""
    if "" in strings:
        return ""
    heads: dict[str, set[str]] = {}
    for s in strings:
        heads.setdefault(s[0], set()).add(s[1:])
    out = []
    for head, tails in sorted(heads.items()):
        tail = _trie(tails)
        atom = r"(?:\W|\Z)" if head == SPACE else re.escape(head)
        out.append(atom + (f"(?:{tail})" if tail else ""))
    return "|".join(out)


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

    def starts(self, low: str) -> list[int]:
        """Where a match may start in a lower-cased text: word starts, and non-word characters
        that a prefix begins with (when what follows fits)."""
        words = list(map(_start, _WORDS.finditer(low)))
        if self.other_starts is None:
            return words
        return sorted(words + list(map(_start, self.other_starts.finditer(low))))

    def at(self, key: str) -> Entries:
        """() when nothing may match where the text has ``key``; else (eager, lazy): the
        matchers that may, each with the alternatives to try."""
        found = self.known_keys.get(key)
        if found is None:
            entries = _lookup(self._tables, key)
            eager = tuple((m, alts) for m, alts in entries.items() if m in self.eager)
            lazy = tuple((m, alts) for m, alts in entries.items() if m not in self.eager)
            found = (eager, lazy) if entries else ()
            if len(self.known_keys) > CACHE_LIMIT:
                self.known_keys.clear()
            self.known_keys[key] = found
        return found


Entries = tuple  # () or (eager, lazy), each a tuple of (Matcher, Alts)


# ------------------------------------------------------------------------------------ text index
class TextIndex:
    """One text keyed for matching: where matches may start and what each matcher may try
    there; with a router, the router's eager matchers are matched over the whole text at once."""

    def __init__(self, text: str, router: Router | None = None):
        low = text.lower()
        if len(low) != len(text):  # pragma: no cover - a few characters lengthen when lowered
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.text = text
        self.low = low
        self.keys = key_text(low)
        self.ascii = low.isascii()
        self._router = router
        self._starts: list[int] = []
        self._entries: list[Entries] = []
        self._routed: dict[Matcher, list[tuple[int, Alts]]] = {}  # candidates of lazy matchers
        self._matched: dict[Matcher, list[Match]] = {}  # whole-text matches of eager matchers
        if router is not None:
            self._route(router)

    def _key(self, i: int) -> str:
        return self.low[i] + self.keys[i + 1:i + KEYLEN]

    def _route(self, router: Router) -> None:
        low, keys = self.low, self.keys
        starts = self._starts = router.starts(low)
        found = list(map(router.known_keys.get, [low[i] + keys[i + 1:i + KEYLEN] for i in starts]))
        if None in found:
            found = [f if f is not None else router.at(self._key(i)) for i, f in zip(starts, found)]
        self._entries = found
        text, size = self.text, len(self.text)
        matched, routed = self._matched, self._routed
        last: dict[Matcher, int] = {}  # where each eager matcher's last match ends
        for i, (eager, lazy) in compress(zip(starts, found), found):
            for matcher, alts in eager:
                for alt in alts:
                    m = alt(text, i, size)
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
            for matcher, alts in lazy:
                cands = routed.get(matcher)
                if cands is None:
                    routed[matcher] = [(i, alts)]
                else:
                    cands.append((i, alts))

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

    def candidates(self, matcher: Matcher) -> list[tuple[int, Alts]]:
        """(position, alternatives to try there) for a bounded ``matcher``, in text order."""
        found = self._routed.get(matcher)
        if found is not None:
            return found
        router = self._router
        if router is not None and matcher in router.eager:  # asked for part of the text
            found = [(i, alts) for i, entries in zip(self._starts, self._entries) if entries
                     for m, alts in entries[0] if m is matcher]
        elif router is not None and matcher in router.known:
            found = []
        else:
            at = matcher.alternatives_at
            found = [(i, alts) for i, alts in ((i, at(self._key(i))) for i in map(_start, _ANY_START.finditer(self.low)))
                     if alts]
        self._routed[matcher] = found
        return found
# -------------------------------------------------------------------------------------- searcher
class Searcher:
    """``regex.search`` / ``regex.finditer`` (same results) that only try the places where one
    of the pattern's prefixes occurs: a case-insensitive alternation otherwise runs all its
    alternatives at every character. The places are found with one scan for a character set.
    Texts that are not plain ASCII are searched as they are."""

    __slots__ = ("pattern", "regex", "finder")

    def __init__(self, regex: re.Pattern[str], tree: P.SubPattern | None = None, pattern: str | None = None):
        self.regex = regex
        self.pattern: str = regex.pattern if pattern is None else pattern
        self.finder: re.Pattern[str] | None = None
        if not regex.flags & _ASCII_OR_LOCALE:
            found = literal_prefixes(tree if tree is not None else sre_parse(self.pattern, regex.flags))
            if found is not None and all(p.isascii() for p in found):
                self.finder = _finder(found)

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> "Searcher":
        """A searcher for ``pattern`` (parsed once; raises re.error as re.compile does)."""
        tree = sre_parse(pattern, flags)
        return cls(_compiler.compile(tree, int(flags)), tree, pattern)

    def _places(self, text: str, start: int, end: int, index: "TextIndex | None") -> Iterable[int] | None:
        """Where a match may start in text[start:end], in order; None: try everywhere."""
        if self.finder is None:
            return None
        if index is not None:
            return map(_start, self.finder.finditer(index.low, start, end)) if index.ascii else None
        part = text[start:end].lower()
        if not part.isascii():
            return None
        return [start + p for p in map(_start, self.finder.finditer(part))]

    def search(self, text: "TextIndex | str", start: int = 0, end: int | None = None) -> Match | None:
        """``regex.search(text, start, end)``; ``text`` may be the note's TextIndex."""
        index = text if isinstance(text, TextIndex) else None
        plain = index.text if index is not None else text
        if end is None:
            end = len(plain)
        places = self._places(plain, start, end, index)
        if places is None:
            return self.regex.search(plain, start, end)
        match = self.regex.match
        for p in places:
            found = match(plain, p, end)
            if found is not None:
                return found
        return None

    def finditer(self, text: "TextIndex | str", start: int = 0, end: int | None = None) -> list[Match]:
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


def prefix_finder(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches (one character) at every place of a lower-cased ASCII text where
    a match of ``regex`` may start; None when that cannot be told."""
    return Searcher(regex).finder


def _finder(prefixes: Iterable[str]) -> re.Pattern[str]:
    """Every place in a lower-cased text where one of the prefixes starts. Each place is
    matched as its first character (so that neighbouring places are all found), and every
    branch starts with that character, so that ``re`` scans for the set of first characters."""
    rests: dict[str, set[str]] = {}
    for p in prefixes:
        rests.setdefault(p[0], set()).add(p[1:])
    branches = []
    for first, rest in sorted(rests.items()):
        follow = _trie(rest)
        branches.append(re.escape(first) + (f"(?={follow})" if follow else ""))
    return re.compile("|".join(branches))
