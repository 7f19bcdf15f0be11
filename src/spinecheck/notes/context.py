"""Assertion status of a mention from the words around it (a ConText-style algorithm).

Triggers are found once per note. Where triggers overlap, the longest wins (so "no concern for"
is a negation, not "concern for" an uncertainty; "negative for" a forward negation, not the
backward "negative"). A forward trigger modifies mentions after it in the same sentence, a
backward trigger mentions before it, until a terminator ("but", "however", ";", "reports" ...),
a comma (unless the group crosses commas) or the group's word limit ends the scope."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .fastmatch import TextIndex
from .rules import CompiledTriggers
from .sentences import Sentence

_WORD = re.compile(r"[A-Za-z0-9]+")

REMOTE_DAYS = 365  # a date more than this many days before the request lies in another episode

# When several modifiers apply, the strongest decides the status.
PRIORITY = ("hypothetical", "ambiguous", "family", "negated", "uncertain", "remote", "historical", "planned")


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    category: str
    direction: str
    max_words: int | None
    crosses_commas: bool


def scan(text: str, groups: tuple[CompiledTriggers, ...], start: int = 0, end: int | None = None,
         index: TextIndex | None = None) -> list[Trigger]:
    """All triggers in text[start:end], overlaps resolved (longest wins, then the first group)."""
    end = len(text) if end is None else end
    if index is None:
        index = TextIndex(text)
    found: list[tuple[int, int, int, CompiledTriggers]] = []
    for order, g in enumerate(groups):
        for m in g.matcher.finditer(index, start, end):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), order, g))
    # longest first; on a tie a modifier beats a terminator, then the earlier group wins
    found.sort(key=lambda t: (t[1], t[3].category == "terminate", t[2], t[0]))
    taken = bytearray(end - start)  # characters of text[start:end] already in a trigger
    out: list[Trigger] = []
    # the same words of another time in a forward and a backward group ("as a child", "last year")
    # work both ways: "as a child she had X" and "she had X as a child" (other categories keep the
    # first group's direction)
    spans: dict[tuple[int, int], tuple[str, set[str]]] = {}
    for s, neg_len, _, g in found:
        e = s - neg_len
        if taken.find(1, s - start, e - start) >= 0:
            same = spans.get((s, e))
            if same is not None and same[0] == g.category == "remote" and g.direction not in same[1]:
                same[1].add(g.direction)
                out.append(Trigger(s, e, g.category, g.direction, g.max_words, g.crosses_commas))
            continue  # overlaps a trigger taken before
        taken[s - start:e - start] = b"\x01" * (e - s)
        spans[(s, e)] = (g.category, {g.direction})
        out.append(Trigger(s, e, g.category, g.direction, g.max_words, g.crosses_commas))
    out.sort(key=lambda t: t.start)
    return out


class ContextIndex:
    """Triggers of one note, bucketed by sentence."""

    def __init__(self, text: str, sentences: list[Sentence], triggers: list[Trigger]):
        self.text = text
        self.sentences = sentences
        self._starts = [s.start for s in sentences]
        self.by_sentence: dict[int, list[Trigger]] = {}
        for t in triggers:
            i = self.sentence_at(t.start)
            if i is None or t.end > sentences[i].end:
                continue
            self.by_sentence.setdefault(i, []).append(t)
        # per sentence: the modifiers (not terminators or pseudo-triggers) and where terminators start
        self._scopes: dict[int, tuple[list[Trigger], list[int]]] = {
            i: _scopes(ts) for i, ts in self.by_sentence.items()}

    def sentence_at(self, pos: int) -> int | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0 or pos >= self.sentences[i].end:
            return None
        return i

    def flags(self, sent: int, m_start: int, m_end: int, extra: list[Trigger] | None = None,
              study: bool = False) -> set[str]:
        """Categories of the triggers whose scope covers the mention text[m_start:m_end]. For a
        ``study``, a negation after it that is a result word ("MRI 9/15 - negative") is skipped."""
        if extra:
            modifiers, terms = _scopes(self.by_sentence.get(sent, []) + extra)
        else:
            found = self._scopes.get(sent)
            if found is None:
                return set()
            modifiers, terms = found
        out: set[str] = set()
        text = self.text
        for t in modifiers:
            if study and t.category == "negated" and t.start >= m_end and _RESULT_WORD.search(text, t.start, t.end):
                continue
            if t.end <= m_start and t.direction in ("forward", "both"):
                gap_a, gap_b = t.end, m_start
            elif t.start >= m_end and t.direction in ("backward", "both"):
                gap_a, gap_b = m_end, t.start
            else:
                continue
            i = bisect_left(terms, gap_a)
            if i < len(terms) and terms[i] < gap_b:
                continue  # a terminator in between
            gap = text[gap_a:gap_b]
            if gap_a == t.end and gap and ":" in gap and _WORD.search(gap, 0, gap.index(":")):
                continue  # "no leg weakness: EHL 4/5" - a colon after words ends a forward scope
            if not t.crosses_commas and "," in gap:
                continue
            if gap_a == t.end and gap.count(")") > gap.count("("):
                continue  # a forward trigger inside parentheses stops at them: "(he can no longer ...), unsteady gait"
            if t.max_words is not None and len(_WORD.findall(gap)) > t.max_words:
                continue
            out.add(t.category)
        return out

    def over_lines(self, sent: int) -> set[str]:
        """Categories that a header line passes on to the lines under it ("Denies:", "No:",
        "NEGATIVES:", "Return if any of the following:", "Previous note (2019) copied below:"):
        its forward modifiers whose scope reaches the colon that ends it. A negation must end at
        the colon (nothing but "the following" between): "Not improved with:" heads treatments
        that were tried, "No leg weakness:" a finding."""
        found = self._scopes.get(sent)
        if found is None:
            return set()
        modifiers, terms = found
        end = self.sentences[sent].end
        colon = end - 1 if self.text[end - 1] == ":" else end
        text = self.text
        out: set[str] = set()
        for t in modifiers:
            if t.direction not in ("forward", "both") or t.end > end:
                continue
            i = bisect_left(terms, t.end)
            if i < len(terms) and terms[i] < colon:
                continue
            gap = text[t.end:colon] if t.end < colon else ""
            if t.category == "negated":
                if not _ONLY_FILLER.fullmatch(gap):
                    continue
            elif (not t.crosses_commas and "," in gap) or gap.count(")") > gap.count("(") or \
                    (t.max_words is not None and len(_WORD.findall(gap)) > t.max_words):
                continue
            out.add(t.category)
        return out


# what may stand between a negation and the colon of a header line: "Denies the following:"
_ONLY_FILLER = re.compile(r"\s*(?:(?:any|all|none|each) of )?(?:the following|these|the below|below)?"
                          r"(?: (?:symptoms|findings|items|signs))?\s*", re.I)


def _scopes(triggers: list[Trigger]) -> tuple[list[Trigger], list[int]]:
    """The modifiers among ``triggers`` and the sorted starts of the terminators."""
    modifiers = [t for t in triggers if t.category not in ("terminate", "pseudo")]
    terms = sorted(t.start for t in triggers if t.category == "terminate")
    return modifiers, terms


# what a study showed, not whether it was done: "negative", "normal", "unremarkable", "clear"
_RESULT_WORD = re.compile(r"\b(?:negative|normal|unremarkable|clear|benign|nondiagnostic|non-diagnostic)\b", re.I)

# what a section says of its mentions; "uncertain" (the reason a study was ordered: "Indication:
# foot drop") makes a finding a suspicion and leaves a denial a denial
_COLOURS = ("historical", "family", "hypothetical", "planned", "uncertain")


def resolve(flags: set[str], section_assertion: str | None) -> str:
    """One status from the modifiers found and the section's colour."""
    if not flags and section_assertion not in _COLOURS:
        return "present"
    if section_assertion in _COLOURS:
        if section_assertion == "uncertain":
            if "negated" not in flags:
                flags = flags | {"uncertain"}
        elif section_assertion == "planned":
            if "current" not in flags and not (flags & {"historical", "remote"}):
                flags = flags | {"planned"}
        else:
            flags = flags | {section_assertion}
    if "planned" in flags and "current" in flags:
        flags = flags - {"planned"}
    if ("negated" in flags and "uncertain" in flags) or ("remote" in flags and flags & {"negated", "uncertain"}):
        # "possible X ... felt unlikely", "no neuropathy was found in 2015", "a syrinx was suspected in
        # 2015": neither present nor absent now
        flags = flags | {"ambiguous"}
    for status in PRIORITY:
        if status in flags:
            return status
    return "present"


def first_index(values: list[int], pos: int) -> int:
    return bisect_right(values, pos)
