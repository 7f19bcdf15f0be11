"""Split a cleaned note into sentences with offsets and the section each belongs to.

Clinical notes are not prose: they mix headers ("ASSESSMENT AND PLAN:"), bullet lists, check-box
forms, hard-wrapped faxed lines and column layouts. The splitter works in three steps:

1. lines -> blocks: a new block starts after a blank line (or a rule line of "=", "-" ...), at a bullet, at a known header, after
   a line that ends a sentence or a label, and after a short line; a long line without closing
   punctuation continues onto the next line (hard wrap), and so does a short line that ends inside
   a list (with a comma, "and" or "or") unless the next line is a header or a field. Three or more
   spaces, a tab or a pipe inside a line separate columns and start a new block too, except before
   a bare answer ("Foot drop<tab>No" stays one sentence); of a row of columns, only its last cell
   decides whether the next line continues it (a short cell does not).
2. blocks -> sentences: split after . ! ? followed by space, unless the word before the period is
   a known abbreviation, an initial or a number in a list.
3. a sentence that starts with a known section header ("PMH:", "Plan:") switches the current
   section and loses the header; a sentence that is only a header just switches the section.
   A header alone on its line opens a section that lasts until the next header; a header with
   text after it ("PMH: HTN, DM2.") lasts to the end of its block only.

``head_line`` and ``breaks`` describe the lines under a header line ("Denies:", "--- Scanned
record, 02/11/2025 ---"), which the reader colours as a whole (layout.line_flags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fastmatch import KEYLEN
from .searcher import prefix_finder

_BULLET = re.compile(r"[ ]*(?:[-*+>o]|\d{1,2}[.)]|\(?[a-hA-H]\)|\[[ xX\u2713]?\]|\([ xX]?\))[ ]+(?=\S)")
_EMPTY_BOX = re.compile(r"[ ]*(?:\[ ?\]|\( ?\))")
# columns: a tab, three or more spaces, or a pipe with a space on one side ("Fever: No  |  Foot drop: No")
_COLUMN_GAP = re.compile(r"\S(?:[ \t]+\|[ \t|]*|\|+[ \t]+[ \t|]*|\t+[ \t]*| {3,})(?=\S)")
# a cell that only answers the cell before it ("Foot drop<tab>No", "| Foot drop | No |")
_ANSWER_CELL = re.compile(r"(?:no|yes|none|neg|negative|pos|positive|denies|denied|absent|present|n|y|nil|n/a|normal|"
                          r"abnormal|x)\.?(?=[ \t|]*$|\t| {3,}|[ \t]+\|)", re.IGNORECASE)
# a line that ends inside a list continues on the next line ("Denies saddle anesthesia,\nurinary retention,\nfoot drop.")
_LABEL_START = re.compile(r"[A-Za-z][\w /&'()-]{0,30}:(?!\d)")  # a field: "Foot drop: yes" (not "10:30")
_CONTINUES = re.compile(r"(?:,|\s(?:and|or|&))$", re.IGNORECASE)
_ENDS_SENTENCE = (".", "!", "?", ":", ";")  # the last character of a line that ends a sentence
_RULE_CHARS = "=-_*~#+| \t"  # a line made only of these is a rule line (a separator)
# a run of . ! ? after a non-space, before space and more text (written to start with the
# punctuation, so that re scans for it: the same as (?<=\S)[.!?]+["')\]]*(?=\s+\S))
_SENT_END = re.compile(r"[.!?](?<=\S.)[.!?]*[\"')\]]*(?=\s+\S)")
_ABBREV = frozenset("""
e.g i.e etc vs dr mr mrs ms approx appt hx dx tx rx sx fx y.o y/o b.i.d t.i.d q.i.d q.d p.o a.m p.m
nos jan feb apr jun jul aug sep sept oct nov dec fig inc lt rt bilat ext flex ant lat sup inf dept prof sr jr
est cont cf al st
""".split())
# a form question answered on the same line ("Diabetic? No.") is one sentence
_SHORT_ANSWER = re.compile(r"\s+(?:no|yes|none|neg|negative|denies|absent|n|y)\b\s*(?:[.;,]|$)", re.IGNORECASE)
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORDISH = _LETTERS | {".", "/"}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    section: str | None  # section name from the header lexicon, None before any header
    index: int = 0


@dataclass(frozen=True)
class HeaderMatcher:
    """Recognises known section headers at the start of a sentence."""

    pattern: re.Pattern[str]  # group 'h' = the header words; the match covers header + colon
    names: dict[str, str]  # lower-cased header words -> section name
    starts: re.Pattern[str] | None = None  # what a header may start with (searcher.prefix_finder)

    def match(self, text: str, pos: int, end: int) -> tuple[str, int] | None:
        if self.starts is not None:  # most sentences start with no header: look at a few characters
            head = text[pos:min(pos + KEYLEN, end)].lower()
            if head.isascii() and self.starts.match(head) is None:
                return None
        m = self.pattern.match(text, pos, end)
        if m is None:
            return None
        key = re.sub(r"\s+", " ", m.group("h").lower()).strip()
        name = self.names.get(key)
        if name is None:
            return None
        return name, m.end()


def header_matcher(sections: dict[str, list[str]]) -> HeaderMatcher:
    names: dict[str, str] = {}
    for name, headers in sections.items():
        for h in headers:
            names[h.lower()] = name
    alts = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(names, key=len, reverse=True))
    # a header ends with a colon, a dash, or the end of its sentence
    pattern = re.compile(rf"(?:[#=*_]+\s*)?(?P<h>{alts})\s*(?::|\s-\s|-\s*$|\.?\s*$|(?=\n))\s*", re.IGNORECASE)
    return HeaderMatcher(pattern, names, prefix_finder(pattern))


def split(text: str, headers: HeaderMatcher | None = None) -> list[Sentence]:
    """Sentences of ``text`` (already cleaned), in order, with their section."""
    blocks = _blocks(text, headers)
    out: list[Sentence] = []
    section: str | None = None
    inline = False  # the section came from "Header: text" and ends with its paragraph
    for b_start, b_end, after_blank in blocks:
        if inline:
            section, inline = None, False  # "Label: text" scopes to its own block
        for s_start, s_end in _sentences(text, b_start, b_end):
            if headers is not None:
                hit = headers.match(text, s_start, s_end)
                while hit is not None:
                    section, s_start = hit
                    s_start = _skip_space(text, s_start, s_end)
                    inline = s_start < s_end
                    hit = headers.match(text, s_start, s_end) if s_start < s_end else None
            s_start = _skip_bullet(text, s_start, s_end)
            if s_start >= s_end:
                continue
            out.append(Sentence(s_start, s_end, section, len(out)))
    return out


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _skip_bullet(text: str, pos: int, end: int) -> int:
    m = _BULLET.match(text, pos, end)
    if m is None:
        return pos
    if _EMPTY_BOX.match(text, pos, m.end()):
        return _skip_space(text, pos, end)  # an unticked box stays: the item is not asserted
    return m.end()


def _blocks(text: str, headers: HeaderMatcher | None = None) -> list[tuple[int, int, bool]]:
    """Spans of text to split into sentences (see module doc, step 1), each with whether a
    blank line precedes it."""
    blocks: list[tuple[int, int, bool]] = []
    cur_start = -1
    cur_end = -1
    prev_line = ""
    blank = True  # the start of the text counts as after a blank line
    cur_blank = True
    pos = 0
    n = len(text)
    while pos <= n:
        l_start, l_end = pos, text.find("\n", pos)
        if l_end < 0:
            l_end = n
        line = text[l_start:l_end]
        stripped = line.strip()
        # a rule line ("=====", "-----") separates like a blank line: the text after it must not
        # be joined to a fax header above it (whose "Request:" would make the letter a plan)
        if not stripped or not stripped.strip(_RULE_CHARS):
            if cur_start >= 0:
                blocks.append((cur_start, cur_end, cur_blank))
                cur_start = -1
            prev_line = ""
            blank = True
        else:
            lead = len(line) - len(line.lstrip())
            c_start = l_start + lead
            c_end = l_start + len(line.rstrip())
            piped = "|" in line
            if piped:  # a table row: "| Foot drop | No |"
                while c_start < c_end and text[c_start] in "| \t":
                    c_start += 1
                while c_end > c_start and text[c_end - 1] in "| \t":
                    c_end -= 1
            starts_new = (
                cur_start < 0
                or prev_line[-1:] in _ENDS_SENTENCE
                or _BULLET.match(line) is not None
                or (stripped[:1].isupper() and stripped.split(" ", 1)[0].rstrip(":").isupper()
                    and len(stripped.split(" ", 1)[0]) > 1 and ":" in stripped[:40])
            )
            if not starts_new and len(prev_line) < 45:
                # a short line ends its block, unless it ends inside a list ("Denies saddle
                # anesthesia,\nurinary retention,\nfoot drop.") and the next line is no header
                starts_new = _CONTINUES.search(prev_line) is None or _LABEL_START.match(text, c_start, c_end) is not None \
                    or (headers is not None and headers.match(text, c_start, c_end) is not None)
            if starts_new and cur_start >= 0:
                blocks.append((cur_start, cur_end, cur_blank))
                cur_start = -1
            # columns inside the line
            seg_start = c_start
            gaps = _COLUMN_GAP.finditer(text, c_start, c_end) if "\t" in line or "   " in line or piped else ()
            for gap in gaps:
                if _answers(text, gap.end(), c_end):
                    continue  # "Saddle anesthesia<tab>No": the cell answers the one before it
                if cur_start < 0:
                    blocks.append((seg_start, gap.start() + 1, blank))
                else:
                    blocks.append((cur_start, gap.start() + 1, cur_blank))
                    cur_start = -1
                blank = False
                seg_start = gap.end()
            if cur_start < 0:
                cur_start = seg_start
                cur_blank = blank
            cur_end = c_end
            prev_line = text[seg_start:c_end]  # stripped; of a row of columns, its last cell
            blank = False
        pos = l_end + 1
    if cur_start >= 0:
        blocks.append((cur_start, cur_end, cur_blank))
    return blocks


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        cut = m.end()
        if text[m.start()] == "?" and m.end() - m.start() == 1 and _SHORT_ANSWER.match(text, cut, end):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1:
            before = _word_before(text, s, m.start())
            word = before.lower() if before is not None else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            if before is None and m.start() > s and text[m.start() - 1].isdigit():
                # "1. " at the start of a block is a list number, not an end
                if _only_digits_since(text, s, m.start()):
                    continue
        if cut > s:
            out.append((s, cut))
        s = _skip_space(text, cut, end)
    if s < end:
        out.append((s, end))
    spans = []
    for a, b in out:
        b = _rstrip(text, a, b)
        if b > a:
            spans.append((a, b))
    return spans


def _word_before(text: str, a: int, b: int) -> str | None:
    """The word (a letter, then letters, '.' or '/') that ends text[a:b] (before a final
    newline), the leftmost such; what re.search(r"([A-Za-z][A-Za-z./]*)$", ...) finds."""
    if b > a and text[b - 1] == "\n":
        b -= 1
    p = b
    while p > a and text[p - 1] in _WORDISH:
        p -= 1
    while p < b and text[p] not in _LETTERS:
        p += 1
    return text[p:b] if p < b else None


def _only_digits_since(text: str, a: int, b: int) -> bool:
    return text[a:b].strip().isdigit()


def _rstrip(text: str, a: int, b: int) -> int:
    """The end of text[a:b] without trailing white space."""
    return a + len(text[a:b].rstrip())


# ------------------------------------------------------------------- lines under a header line
_FRAME_CHARS = "-=*#~_"


def head_line(text: str, s: Sentence) -> str | None:
    """What kind of line heads the lines under it: "colon", a sentence that ends its line with a
    colon ("Denies:", "Previous note (7/14/2025) copied below:"); "frame", a line framed by rule
    characters ("--- Scanned record, visit of 02/11/2025 ---"); None for other sentences."""
    last = text[s.end - 1]
    if last == ":":
        nl = text.find("\n", s.end)
        return "colon" if not text[s.end:nl if nl >= 0 else len(text)].strip() else None
    if last in _FRAME_CHARS and text[s.start] in _FRAME_CHARS and s.end - s.start > 6 and \
            text[s.start + 1] in _FRAME_CHARS and text[s.end - 2] in _FRAME_CHARS:
        return "frame"
    return None


def breaks(text: str, a: int, b: int) -> bool:
    """Whether text[a:b], between the end of one sentence and the start of the next, ends a block
    of lines: it holds a blank line, a rule line or a header-only line, or a header removed from
    the start of the next sentence ("Exam: ..."). Bullets do not."""
    gap = text[a:b]
    if "\n" not in gap:
        return _has_words(gap)
    first, _, rest = gap.partition("\n")
    if "\n" in rest:
        return True  # a whole line between two sentences: blank, a rule or a header alone
    if _has_words(first):
        return True
    line = a + len(first) + 1
    m = _BULLET.match(text, line, b + 1)
    return _has_words(text[m.end() if m else line:b])


def answer_gaps(text: str, start: int, end: int) -> list[int]:
    """The last character of each column gap in text[start:end] that a bare answer follows
    ("Saddle anesthesia<tab>No"): where the answer's field colon would be."""
    return [gap.end() - 1 for gap in _COLUMN_GAP.finditer(text, start, end) if _answers(text, gap.end(), end)]


def _answers(text: str, pos: int, end: int) -> bool:
    """Whether the column cell at ``pos`` (to the next column gap or ``end``) is a bare answer."""
    return _ANSWER_CELL.match(text, pos, end) is not None


def _has_words(s: str) -> bool:
    return any(ch.isalnum() for ch in s)
