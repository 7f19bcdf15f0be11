"""What a parsed regular expression tells before it is run: the short strings every match
starts with (``literal_prefixes``), a pattern that finds where those start (``place_finder``),
and the same pattern for text that is already lower-cased (``fold_case``).

Patterns are parsed with ``re``'s own parser (``parse``), so that these agree with ``re``."""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from collections.abc import Iterable
from re import _casefix  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

import _sre  # type: ignore[import-not-found]

MAX_STATES = 4000  # prefixes per alternative before the analysis gives up on a key length
UNROLL = 64  # prefixes a repeat may add when unrolled ("\s*so" -> " so", "so")
SPACE = " "  # how a non-word character after the first one of a key is written

_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
ASCII_OR_LOCALE = int(re.ASCII | re.LOCALE)  # flags under which \b and \w mean something else
_IGNORECASE = int(re.IGNORECASE)


def parse(pattern: str, flags: int = 0) -> P.SubPattern:
    """``pattern`` parsed as ``re.compile`` parses it (the parse errors are the same)."""
    return P.parse(pattern, int(flags))  # (re.compile passes the flags on as a plain int too)


@lru_cache(maxsize=None)
def key_char(code: int) -> str:
    """A character as keys write it: lower-cased as ``re`` lower-cases (one character), and one
    character for each group that ``re`` takes as equal ignoring case (s and long s, i and
    dotless i ...). A case-insensitive pattern character and a text character that ``re``
    matches to it give the same key character."""
    low = _sre.unicode_tolower(code)
    return chr(min((low,) + _casefix._EXTRA_CASES.get(low, ())))


class _TooMany(Exception):
    pass


def is_word(ch: str) -> bool:
    """Whether ``ch`` is a word character for ``re`` (\\w)."""
    return ch.isalnum() or ch == "_"


# ------------------------------------------------------------------------------------- prefixes
def _chars_of_in(items: list) -> tuple[set[str], bool] | None:
    """Lower-cased characters of a character class (and whether it holds every non-word
    character), or None when it is too wide to list."""
    chars: set[str] = set()
    non_word = False
    for op, av in items:
        if op is C.LITERAL:
            chars.add(key_char(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 30:
                return None
            chars.update(key_char(c) for c in range(lo, hi + 1))
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
                ch = key_char(av)
                open_, closed = self.grow(open_, closed, (ch,), (ch if is_word(ch) else SPACE,))
            elif op is C.IN:
                chars = _chars_of_in(av)
                if chars is None:
                    open_, closed = set(), closed | open_
                else:
                    members, non_word = chars
                    keyed = {ch if is_word(ch) else SPACE for ch in members}
                    if non_word:
                        keyed.add(SPACE)
                    open_, closed = self.grow(open_, closed, None if non_word else members, keyed)
            elif op is C.AT:
                if av is C.AT_BOUNDARY and not flags & ASCII_OR_LOCALE:
                    # after a word character a boundary means a non-word character (or the end)
                    # next. The boundary takes no character itself, and the item after it may be
                    # that very character ("mri\\b (?:...)"), so such a prefix ends with it
                    after_word = {s for s in open_ if s and is_word(s[-1])}
                    if after_word:
                        grown, closed = self.grow(after_word, closed, (), (SPACE,))
                        open_, closed = open_ - after_word, closed | grown
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


def literal_prefixes(tree: P.SubPattern, keylen: int) -> frozenset[str] | None:
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


# --------------------------------------------------------------------------------------- finders
def place_finder(prefixes: Iterable[str]) -> re.Pattern[str]:
    """Every place in a lower-cased text where one of the prefixes starts. Each place is
    matched as its first character (so that neighbouring places are all found), and every
    branch starts with that character, so that ``re`` scans for the set of first characters."""
    rests: dict[str, set[str]] = {}
    for p in prefixes:
        rests.setdefault(p[0], set()).add(p[1:])
    branches = []
    for first, rest in sorted(rests.items()):
        follow = trie(rest)
        branches.append(re.escape(first) + (f"(?={follow})" if follow else ""))
    return re.compile("|".join(branches))


def trie(strings: set[str]) -> str:
    """A regular expression for any of ``strings`` (a space stands for a non-word character or
    the end of the text), '' when one of them is empty."""
    if "" in strings:
        return ""
    heads: dict[str, set[str]] = {}
    for s in strings:
        heads.setdefault(s[0], set()).add(s[1:])
    out = []
    for head, tails in sorted(heads.items()):
        tail = trie(tails)
        atom = r"(?:\W|\Z)" if head == SPACE else re.escape(head)
        out.append(atom + (f"(?:{tail})" if tail else ""))
    return "|".join(out)


# ------------------------------------------------------------------------------------ case folding
class _CannotFold(Exception):
    pass


def fold_case(tree: P.SubPattern) -> P.SubPattern | None:
    """For a case-insensitive pattern: the same pattern, case-sensitive and lower-cased, to run
    on the lower-cased text (plain ASCII text only: there both give the same matches, and
    ``re`` compares characters without folding case). None when the pattern changes case rules
    inside ((?-i:...)), names a non-ASCII character, a wide range or a back reference."""
    if not tree.state.flags & _IGNORECASE:
        return None
    state = copy.copy(tree.state)
    state.flags = tree.state.flags & ~_IGNORECASE
    try:
        return P.SubPattern(state, _fold(tree.data, state))
    except _CannotFold:
        return None


@lru_cache(maxsize=None)
def _lower(code: int) -> int:
    ch = chr(code)
    if not ch.isascii():
        raise _CannotFold
    return ord(ch.lower())


def _fold(items: Iterable, state: P.State) -> list:
    out: list = []
    for op, av in items:
        if op is C.LITERAL or op is C.NOT_LITERAL:
            out.append((op, _lower(av)))
        elif op is C.IN:
            out.append((op, _fold_in(av)))
        elif op is C.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _CannotFold
            out.append((op, (group, add_flags, del_flags, _fold_sub(sub, state))))
        elif _ATOMIC is not None and op is _ATOMIC:
            out.append((op, _fold_sub(av, state)))
        elif op is C.BRANCH:
            out.append((op, (av[0], [_fold_sub(b, state) for b in av[1]])))
        elif op in _REPEATS:
            lo, hi, item = av
            out.append((op, (lo, hi, _fold_sub(item, state))))
        elif op in _ZERO_WIDTH:
            direction, sub = av
            out.append((op, (direction, _fold_sub(sub, state))))
        elif op is C.AT or op is C.ANY:
            out.append((op, av))
        else:  # back references, conditionals ...
            raise _CannotFold
    return out


def _fold_sub(sub: P.SubPattern, state: P.State) -> P.SubPattern:
    return P.SubPattern(state, _fold(sub.data, state))


def _fold_in(items: list) -> list:
    out: list = []
    for op, av in items:
        if op is C.LITERAL:
            out.append((op, _lower(av)))
        elif op is C.RANGE:
            lo, hi = av
            if hi > 127:
                raise _CannotFold
            out.extend((C.LITERAL, c) for c in sorted({_lower(x) for x in range(lo, hi + 1)}))
        elif op is C.NEGATE or op is C.CATEGORY:
            out.append((op, av))
        else:
            raise _CannotFold
    return out
