"""The layout of a note beyond its sentences: what the lines under a heading line inherit from it,
which fields of an embedded report are its order reason, and the copy of the text that patterns
match on (line ends, table pipes, answer cells and tick columns of forms).

``extract`` uses these; ``reader`` is its per-note reader (dates per sentence, clauses, the
request date)."""

from __future__ import annotations

import re
from typing import Any

from .context import REMOTE_DAYS, ContextIndex
from .sentences import Sentence, answer_gaps, breaks, head_line


def flat_copy(text: str, sentences: list[Sentence]) -> str:
    """The copy that patterns match on (same length): newlines as spaces, so that patterns match
    across hard line breaks, except a newline that ends a sentence, so that a trigger that looks
    for the end of its line ("Foot drop: No", "saddle anesthesia - denies") finds it. In forms,
    table pipes are spaces, and a column gap before a bare answer reads as the field's colon
    ("Foot drop<tab>No" as "Foot drop:No"); a tick under a "Y / N" column header reads as that
    column's answer (see ``_tick_columns``)."""
    n = len(text)
    put: dict[int, str] = {}
    columns = "\t" in text or "   " in text or "|" in text
    for s in sentences:
        p = s.end
        if p < n and text[p] != "\n":
            while p < n and text[p] in " \t":
                p += 1
        if p < n and text[p] == "\n":
            put[p] = "\n"
        if columns:
            seg = text[s.start:s.end]
            if "\t" in seg or "   " in seg or "|" in seg:
                for g in answer_gaps(text, s.start, s.end):
                    put[g] = ":"
    if columns and ("  N" in text or "  Y" in text):
        _tick_columns(text, put)
    flat = text.replace("\n", " ")
    if "|" in flat:
        flat = flat.replace("|", " ")
    if not put:
        return flat
    parts = []
    last = 0
    for p in sorted(put):
        parts.append(flat[last:p])
        parts.append(put[p])
        last = p + 1
    parts.append(flat[last:])
    return "".join(parts)


# the header row of a tick table: "Red flag screen        Y    N"
_YN_HEAD = re.compile(r"(?<=\S)(?P<gap> {2,})(?P<y>Y|Yes|YES)(?: {2,})(?P<n>N|No|NO)[ ]*$", re.M)
_TICK_ROW = re.compile(r"[ ]*\S.*?\S(?P<gap> {2,})(?P<mark>[Xx*])[ ]*$")


def _tick_columns(text: str, put: dict[int, str]) -> None:
    """In a table under a "Y  N" header row, a tick ("X") is the answer of the column it stands
    under: under N, the row reads "Saddle anesthesia:   N" (a denial); under Y, "...:   Y". The
    header's "Y" and "N" read as nothing. Lines with tabs are left alone (their columns depend
    on tab stops)."""
    for head in _YN_HEAD.finditer(text):
        line0 = text.rfind("\n", 0, head.start()) + 1
        if "\t" in text[line0:head.end()]:
            continue
        y_col, n_col = head.start("y") - line0, head.start("n") - line0
        for p in range(head.start("gap"), head.end()):
            put[p] = " "
        pos = head.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            end = nl if nl >= 0 else len(text)
            row = _TICK_ROW.match(text, pos, end)
            if row is None:
                break
            col = row.start("mark") - pos
            if abs(col - n_col) <= 2 and abs(col - n_col) < abs(col - y_col):
                put[row.start("mark")] = "N"
            elif abs(col - y_col) <= 2:
                put[row.start("mark")] = "Y"
            else:
                break
            put[row.start("gap")] = ":"
            pos = end + 1


# --------------------------------------------------------------------- lines under a header line
_ORDER_REASON = "order_reason"  # the section of "Indication:", "Reason for exam:" (sections.yaml)
# the fields of a report that give the study's result
_RESULT_LABEL = re.compile(r"\W*(?:impression|findings?|results?|conclusions?|interpretation)\s*[:\-]", re.I)
_LABEL = re.compile(r"\W*[A-Za-z][A-Za-z/&' ]{0,30}\s*:")
# a date that starts something ("since 2019", "onset 03/2019") does not date the lines under it
_STARTS_AT = re.compile(r"\b(?:since|starting|started|began|beginning|onset|born|dob|birth)\b\W*(?:\w+\W+)?$", re.I)
_ONLY_A_DATE = re.compile(r"[\s\d:,.;()\-/@]*(?:[ap]\.?m\.?)?[\s\d:,.;()\-/@]*", re.I)
_RECORD_DATE = "record_date"  # the section of "Date:", "DOS:" (sections.yaml)


def line_flags(text: str, sentences: list[Sentence], ctx: ContextIndex, reader: Any) -> dict[int, set[str]]:
    """Modifiers that a header line passes on to the lines under it, by sentence: the forward
    modifiers that reach the colon that ends it ("Denies:", "NEGATIVES:", "No:" over a list, one
    item a line), and "remote" when it dates them more than a year before the request ("DOS:
    03/14/2025", "Previous note (7/14/2025) copied below:", "--- Scanned record, visit of
    02/11/2025 ---"). The lines under it run to a blank line, a rule line, the next header
    (known, or a header line) or the next date line; a date line inside a record of fields under a
    title line ("Radiology report / Exam: XR thoracic spine / Date: 06/14/2019 / Impression: ...")
    dates the whole record."""
    out: dict[int, set[str]] = {}
    n = len(sentences)
    kinds: list[str | None] = []
    for i, s in enumerate(sentences):
        kind = head_line(text, s)
        if kind is None and s.section == _RECORD_DATE and _only_date(reader, i):
            kind = "date"
        kinds.append(kind)
    for i, kind in enumerate(kinds):
        if kind is None:
            continue
        flags = ctx.over_lines(i) if kind == "colon" else set()
        if _dated_before(reader, i):
            flags.add("remote")
        if not flags:
            continue
        first = _record_title(text, sentences, kinds, i) if kind == "date" else None
        members = list(range(first, i)) if first is not None else []
        j = i + 1
        while j < n and kinds[j] is None:
            a, b = sentences[j - 1].end, sentences[j].start
            if first is None:
                if breaks(text, a, b):
                    break
            elif "\n" in text[a:b] and not (_field_gap(text, a, b) and breaks(text, a, b)) and \
                    not _LABEL.match(text, b, sentences[j].end):
                break  # a record of fields ends at a line that is no field
            members.append(j)
            j += 1
        for j in members:
            out.setdefault(j, set()).update(flags)
    return out


def report_questions(text: str, sentences: list[Sentence]) -> set[int]:
    """Sentences of an order-reason field ("Indication: foot drop, urinary retention.") whose
    next field, in the same paragraph, gives the study's result ("Impression: L4-5 disc bulge"):
    the question a study that was done answered, at most a suspicion. The reason given for the
    study being requested ("Order: MRI L-spine. Indication: LBP x 2 wks") is the requester's own
    history and stays as it is."""
    out: set[int] = set()
    field: list[int] = []
    n = len(sentences)
    for i, s in enumerate(sentences):
        if s.section != _ORDER_REASON:
            continue
        field.append(i)
        nxt = i + 1
        if nxt < n and sentences[nxt].section == _ORDER_REASON and \
                not breaks(text, s.end, sentences[nxt].start):
            continue  # the field goes on
        for j in range(nxt, min(n, nxt + 6)):
            gap = text[sentences[j - 1].end:sentences[j].start]
            if gap.count("\n") > 1:
                break  # a blank line: the paragraph ended
            if breaks(text, sentences[j - 1].end, sentences[j].start):
                if _RESULT_LABEL.match(gap.rpartition("\n")[2] if "\n" in gap else gap) or \
                        _RESULT_LABEL.match(gap.strip()):
                    out.update(field)
                break
            if _LABEL.match(text, sentences[j].start, sentences[j].end):
                if _RESULT_LABEL.match(text, sentences[j].start, sentences[j].end):
                    out.update(field)
                break
        field = []
    return out


def _only_date(reader: Any, si: int) -> bool:
    """Whether sentence ``si`` is a date and nothing else ("03/14/2025", "June 14, 2019 10:30")."""
    dates = reader.dates(si)
    if not dates:
        return False
    s = reader.sentences[si]
    text = reader.text
    pos, rest = s.start, []
    for d in dates:
        rest.append(text[pos:d.start])
        pos = max(pos, d.end)
    rest.append(text[pos:s.end])
    return _ONLY_A_DATE.fullmatch("".join(rest)) is not None


def _dated_before(reader: Any, si: int) -> bool:
    """A header line gives a date more than a year before the request in its last clause (not
    one that starts something: "since 2019"; not "seen in 2019; today:")."""
    s = reader.sentences[si]
    lo = reader.clause(si, s.end, s.end)[0]
    for d in reader.dates(si):
        if d.start >= lo and (reader.on - d.latest).days > REMOTE_DAYS and \
                not _STARTS_AT.search(reader.text, max(s.start, d.start - 24), d.start):
            return True
    return False


def _field_gap(text: str, a: int, b: int) -> bool:
    """The next sentence starts the next line (or its line) with a header: a field of a record."""
    gap = text[a:b]
    return gap.count("\n") <= 1 and any(ch.isalpha() for ch in gap.rpartition("\n")[2])


def _record_title(text: str, sentences: list[Sentence], kinds: list[str | None], si: int) -> int | None:
    """For a date line among fields ("Exam: ... / Date: ..."), the title line that the record of
    fields starts with ("Radiology report"), if there is one."""
    k = si
    while k > 0 and si - k < 8:
        if not _field_gap(text, sentences[k - 1].end, sentences[k].start) or kinds[k - 1] is not None:
            return None
        k -= 1
        s = sentences[k]
        line = text.rfind("\n", 0, s.start) + 1
        if text[line:s.start].strip():
            continue  # a field ("Exam: XR thoracic spine"): the record goes on above it
        nl = text.find("\n", s.end)
        if text[s.end:nl if nl >= 0 else len(text)].strip() or text[s.end - 1] in ".!?;:" or s.end - s.start > 60:
            return None
        return k
    return None
