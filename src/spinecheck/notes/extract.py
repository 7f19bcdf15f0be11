"""Free text + request date -> facts of the catalog, each with evidence.

1. clean the text (same length: offsets stay valid), split it into sentences with sections;
2. find every concept mention and its assertion status (context triggers, section colour,
   dates more than a year old making a clause "remote");
3. read values next to mentions (durations, dates, grades, scores) where an output needs one;
4. combine the contributions per fact: agreeing statements set the fact, disagreeing ones
   become a conflict (the fact stays unknown), never a silent pick;
5. consistency checks (a blanket "no red flags" next to a positive red flag is a conflict)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..engine.facts import FactSet, FactValue, normalize
from ..policy.durations import date_minus, duration_days, parse_duration
from . import episode, layout
from . import values as V
from .context import REMOTE_DAYS, ContextIndex, Trigger, resolve, scan
from .fastmatch import TextIndex
from .searcher import Searcher
from .rules import CompiledConcept, CompiledOutput, Rules, load_rules
from .sentences import Sentence, split
from .text import clean

EVIDENCE_STATUS = {"remote": "historical", "planned": "hypothetical"}
_MAY_HAVE_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|today|tonight|yesterday|morning|\blast\b|this (?:week|month|year)|\bago\b|spring|summer|autumn|winter|\bfall\b",
    re.I)
# A day named only relative to a date given just before it ("CT that day", "an MRI the next day",
# "seen two days later"): resolved against the last exact date of the sentence or the two before it.
_ANAPHORIC_DAY = re.compile(
    r"\b(?:(?:on |at )?(?:that|the same|that same) (?:day|morning|afternoon|evening|night)"
    r"|(?:on )?the (?P<next>next|following) (?:day|morning|afternoon|evening)|(?:on )?the day after"
    r"|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) days? later)\b", re.I)
_MAY_HAVE_DATES, _ANAPHORIC_DAYS = Searcher(_MAY_HAVE_DATE), Searcher(_ANAPHORIC_DAY)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


_VISIT_WORD = re.compile(r"visit|appointment|evaluation|exam", re.I)
_VISIT_DATE_BEFORE = re.compile(
    r"\b(?:examined|seen|saw|evaluated|visit|appointment|exam(?:ination)?|eval(?:uation)?)\b(?: [\w-]+){0,4}?\s*(?:on|in|dated)?\s*$", re.I)
# A complaint said to persist ("persistent", "ongoing", "still") before "after/since <event> <date>"
# is current: the old date belongs to the event, not to the complaint.
_ONGOING = re.compile(r"\b(?:persistent|persisting|ongoing|continu\w*|still|recurrent|current(?:ly)?)\b", re.I)
_DATES_OTHER_EVENT = re.compile(r"\b(?:after|since|following)\b", re.I)
_STARTED_BEFORE = re.compile(r"(?:since|from|starting|started|began|beginning)\s*$", re.I)
# "x-rays from 2015", "the MRI from March 2024": the date of a study, not the start of something ongoing
_STUDY_FROM = re.compile(r"\b(?:x-?rays?|radiographs?|films?|mri|ct|scans?|imaging|studies|study)\s+from\s*$", re.I)


@dataclass
class Mention:
    concept: CompiledConcept
    start: int
    end: int
    sentence: int
    status: str
    match: re.Match[str]


@dataclass
class Contribution:
    fact: str
    raw: Any
    value: Any
    mention: Mention
    start: int
    end: int
    status: str  # the evidence label
    negated: bool
    combine: str | None
    notes: list[str] = field(default_factory=list)
    weak: bool = False
    marks_conflict: bool = False
    tier: int = 0
    only_if: Any = None


@dataclass
class Extraction:
    text: str  # the cleaned text (same length as the input)
    sentences: list[Sentence]
    mentions: list[Mention]
    contributions: list[Contribution]
    facts: FactSet
    notes: dict[str, list[str]]  # fact -> how a value was read (conservative choices)


REGION_WORDS = {
    # (+ "L/S", sciatica: a lumbar root; whiplash, torticollis, cervicogenic pain and an ACDF are the neck's;
    # "mid back"/"upper back" with a space; the tailbone is the coccyx)
    "lumbar": re.compile(r"lumbar|lumbosacral|\bl-?spine|\bls\b|\bl/s\b|low(?:er)? back|\bL[1-5]\b|\bL[1-5][-/]|\bS1\b"
                         r"|\bsciatica\b", re.I),
    "cervical": re.compile(r"cervical|\bneck\b|\bc-?spine|\bC[1-7]\b|\bC[1-7][-/]|\bwhiplash|\btorticollis|\bcervicogenic"
                           r"|\bacdf\b", re.I),
    "thoracic": re.compile(r"thoracic|\bt-?spine|mid[- ]?back|\bupper back|\bT(?:[1-9]|1[0-2])\b", re.I),
    "pelvis": re.compile(r"pelvi|sacrum|sacral|coccy|\bSI\b|sacroiliac|\btailbone", re.I),
}
# a region the sentence denies is not one it speaks about: "PT for her neck; her low back was not treated",
# "no neck or low back pain", "denies sciatica"
_REGION_DENIED_BEFORE = re.compile(r"\b(?:no|denies|denied|without)\s+(?:(?:any|new|current|associated|her|his|their)\s+"
                                   r"|[\w-]+,?\s+(?:or|and|nor)\s+)*$", re.I)
_REGION_DENIED_AFTER = re.compile(r"(?:\s+(?:pain|symptoms|complaints))?\s+(?:is|was|were|are|has been|have been)\s+"
                                  r"(?:not\s+(?:treated|involved|affected|addressed|symptomatic|painful)\b"
                                  r"|(?:fine|spared|unaffected|uninvolved|asymptomatic|pain-?free)\b)", re.I)


def _names_region(text: str, a: int, b: int, rx: re.Pattern[str]) -> bool:
    for m in rx.finditer(text, a, b):
        if _REGION_DENIED_BEFORE.search(text, max(a, m.start() - 60), m.start()):
            continue
        if _REGION_DENIED_AFTER.match(text, m.end(), b):
            continue
        return True
    return False
_NOT_SPINE = re.compile(r"\b(?:brain|head|chest|abdom\w*|knee|hip|shoulder|orbit\w*|cardiac|breast)\b", re.I)
_SPINE = re.compile(r"\bspin(?:e|al)\b", re.I)


def about_region(text: str, a: int, b: int, region: str | None, spine_only: bool = False) -> bool:
    """Whether text[a:b] may speak about the requested region: it names it, or names the spine in
    general, or names no body region at all (``spine_only``: names no other spinal region); a region
    the sentence denies ("her low back was not treated") is not named."""
    if region is None:
        return True
    named = {r for r, rx in REGION_WORDS.items() if _names_region(text, a, b, rx)}
    if region in named:
        return True
    if named:
        return False
    if spine_only:
        return True
    if _SPINE.search(text, a, b):
        return True
    return not _NOT_SPINE.search(text, a, b)


def extract(note: str, on: dt.date, rules: Rules | None = None, region: str | None = None) -> Extraction:
    """Facts in ``note`` as of the request date ``on``. ``region`` (cervical, thoracic, lumbar,
    pelvis: the region of the requested study) scopes facts about "the requested region"."""
    rules = rules or load_rules()
    text = clean(note)
    if not text.strip():
        return Extraction(text, [], [], [], FactSet(), {})
    sentences = split(text, rules.headers)
    flat = layout.flat_copy(text, sentences)
    index = TextIndex(flat, rules.router)
    ctx = ContextIndex(flat, sentences, scan(flat, rules.triggers, index=index))
    reader = _Reader(flat, sentences, ctx, on)
    reader.region = region
    reader.index = index
    mentions = _mentions(flat, sentences, ctx, rules, reader, layout.line_flags(text, sentences, ctx, reader),
                         layout.report_questions(text, sentences))
    contributions = _contributions(mentions, reader, on)
    facts, notes = _combine(contributions, rules, text, sentences, on)
    return Extraction(text, sentences, mentions, contributions, facts, notes)


# ------------------------------------------------------------------------------------ mentions
class _Reader:
    """Per-note caches: dates per sentence, modifier triggers per (concept, sentence)."""

    def __init__(self, text: str, sentences: list[Sentence], ctx: ContextIndex, on: dt.date):
        self.text = text
        self.sentences = sentences
        self.ctx = ctx
        self.on = on
        self._dates: dict[int, list[V.DateRange]] = {}
        self._all_dates: list[V.DateRange] | None = None
        self._mods: dict[tuple[str, int], list[Trigger]] = {}
        self.region: str | None = None
        self.index: TextIndex | None = None
        self._onsets: list[V.DateRange] | None = None

    def onsets(self) -> list[V.DateRange]:
        """The dates the note gives for a symptom starting or changing (``episode.onsets``)."""
        if self._onsets is None:
            self._onsets = episode.onsets(self.text, self.sentences, self.dates, self.on)
        return self._onsets

    def dates(self, si: int) -> list[V.DateRange]:
        found = self._dates.get(si)
        if found is None:
            s = self.sentences[si]
            within = self.index or self.text
            if _MAY_HAVE_DATES.search(within, s.start, s.end):
                found = V.find_dates(self.text, self.on, s.start, s.end, index=self.index)
            else:
                found = []
            if _ANAPHORIC_DAYS.search(within, s.start, s.end):
                found = self._anaphoric(si, found)
            self._dates[si] = found
        return found

    def _anaphoric(self, si: int, found: list[V.DateRange]) -> list[V.DateRange]:
        """Add the days named relative to an earlier exact date ("that day", "the next day")."""
        s = self.sentences[si]
        extra: list[V.DateRange] = []
        for m in _ANAPHORIC_DAY.finditer(self.text, s.start, s.end):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            anchor = next((d for d in reversed(found) if d.end <= m.start() and d.exact), None)
            if anchor is None:
                for k in (si - 1, si - 2):
                    if k < 0:
                        break
                    anchor = next((d for d in reversed(self.dates(k)) if d.exact), None)
                    if anchor is not None:
                        break
            if anchor is None:
                continue
            n = m.group("n")
            days = (int(n) if n.isdigit() else _SMALL[n.lower()]) if n else (1 if (m.group("next") or "day after" in m.group().lower()) else 0)
            day = anchor.latest + dt.timedelta(days=days)
            if day > self.on:
                continue
            extra.append(V.DateRange(day, day, m.start(), m.end(), "relative"))
        if not extra:
            return found
        return sorted(found + extra, key=lambda d: d.start)

    def modifiers(self, concept: CompiledConcept, si: int) -> list[Trigger]:
        key = (concept.id, si)
        found = self._mods.get(key)
        if found is None:
            s = self.sentences[si]
            found = self._mods[key] = scan(self.text, concept.modifiers, s.start, s.end, index=self.index) if concept.modifiers else []
        return found

    def dates_in(self, si: int, a: int, b: int) -> list[V.DateRange]:
        return [d for d in self.dates(si) if d.start >= a and d.end <= b]

    def date_before(self, si: int, pos: int, visit: bool = False) -> V.DateRange | None:
        """The last date before ``pos`` in this sentence or the two before it ("since then"); for
        "at that visit", the last date of a visit ("examined in the office on September 29") when
        there is one, not the onset of the pain named after it."""
        fallback = None
        for k in (si, si - 1, si - 2):
            if k < 0:
                break
            found = [d for d in self.dates(k) if d.end <= pos]
            if visit:
                visits = [d for d in found if _VISIT_DATE_BEFORE.search(self.text, max(0, d.start - 40), d.start)]
                if visits:
                    return visits[-1]
                fallback = fallback or (found[-1] if found else None)
                continue
            if found:
                return found[-1]
        return fallback

    def clause(self, si: int, a: int, b: int) -> tuple[int, int]:
        """The clause around text[a:b]: between the nearest terminators of its sentence."""
        s = self.sentences[si]
        lo, hi = s.start, s.end
        for t in self.ctx.by_sentence.get(si, ()):
            if t.category != "terminate":
                continue
            if t.end <= a and t.end > lo:
                lo = t.end
            elif t.start >= b and t.start < hi:
                hi = t.start
        return lo, hi

    def remote_date(self, si: int, a: int, b: int) -> bool:
        """A date in the mention's clause lies more than a year before the request date."""
        lo, hi = self.clause(si, a, b)
        ongoing: bool | None = None  # (looked for when needed)
        for d in self.dates(si):
            if d.start < lo or d.end > hi:
                continue
            if d.start >= b:
                if ongoing is None:
                    ongoing = _ONGOING.search(self.text, lo, a) is not None
                if ongoing and _DATES_OTHER_EVENT.search(self.text, b, d.start):
                    continue  # "persistent pain after a fusion in 2023": the date is the fusion's
            if _STARTED_BEFORE.search(self.text[max(lo, d.start - 12):d.start]) and \
                    not _STUDY_FROM.search(self.text, max(lo, d.start - 20), d.start):
                continue
            if (self.on - d.latest).days > REMOTE_DAYS:
                return True
        return False


def _mentions(text: str, sentences: list[Sentence], ctx: ContextIndex, rules: Rules, reader: _Reader,
              line_flags: dict[int, set[str]] | None = None, questions: set[int] | frozenset[int] = frozenset()) -> list[Mention]:
    out: list[Mention] = []
    section_assertion = rules.section_assertion
    line_flags = line_flags or {}
    note_checks: dict[str, bool] = {}
    index = reader.index
    if index is None:
        index = reader.index = TextIndex(text)

    def note_has(rx: Searcher) -> bool:
        found = note_checks.get(rx.pattern)
        if found is None:
            found = note_checks[rx.pattern] = rx.search(index) is not None
        return found

    concepts = rules.concepts
    for ci, matches in index.matching(rules.concept_matchers):
        c = concepts[ci]
        requires_ok: dict[int, bool] = {}
        checked_note = False
        for m in matches:
            if not checked_note:  # whole-note conditions only once a mention is found
                checked_note = True
                if c.note_requires is not None and not note_has(c.note_requires):
                    break
                if c.note_excludes is not None and note_has(c.note_excludes):
                    break
            ms, me = m.start(), m.end()
            si = ctx.sentence_at(ms)
            if si is None:
                continue
            sent = sentences[si]
            if me > sent.end:
                continue
            section = section_assertion.get(sent.section or "") or ("uncertain" if si in questions else None)
            if section == "ignore":
                continue
            if c.sections is not None and sent.section not in c.sections:
                continue
            if sent.section in c.not_sections:
                continue
            if c.not_after is not None and c.not_after.search(index, max(sent.start, ms - 60), ms):
                continue
            if c.regions is not None and reader.region is not None and reader.region not in c.regions:
                continue
            if c.not_after_for_region and reader.region in c.not_after_for_region and \
                    c.not_after_for_region[reader.region].search(index, max(sent.start, ms - 60), ms):
                continue
            if c.not_before is not None and c.not_before.match(text, me, sent.end):
                continue
            if c.requires is not None:
                ok = requires_ok.get(si)
                if ok is None:
                    ok = requires_ok[si] = c.requires.search(index, sent.start, sent.end) is not None
                if not ok:
                    continue
            if c.region_scoped and not about_region(text, sent.start, sent.end, reader.region,
                                                    spine_only=c.region_scoped == "spine"):
                continue
            if c.excludes is not None:
                lo, hi = reader.clause(si, ms, me) if ctx.by_sentence.get(si) else (sent.start, sent.end)
                if c.excludes.search(index, lo, hi):
                    continue
            if c.context:
                flags = ctx.flags(si, ms, me, reader.modifiers(c, si) if c.modifiers else None, c.study)
                over = line_flags.get(si)
                if over:
                    flags |= over
                if "remote" not in flags and reader.dates(si) and reader.remote_date(si, ms, me):
                    flags.add("remote")
                status = resolve(flags, section)
            else:
                status = "present"
            out.append(Mention(c, ms, me, si, status, m))
    out.sort(key=lambda x: (x.start, x.end))
    return out


# ------------------------------------------------------------------------------- contributions
def _contributions(mentions: list[Mention], reader: _Reader, on: dt.date) -> list[Contribution]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Contribution] = []
    for m in mentions:
        for o in m.concept.outputs:
            c = _contribute(m, o, reader, by_sentence[m.sentence], on)
            if c is not None:
                c.only_if = o.spec.only_if
                out.append(c)
    return out


def _contribute(m: Mention, o: CompiledOutput, reader: _Reader, siblings: list[Mention], on: dt.date) -> Contribution | None:
    status = m.status
    label = EVIDENCE_STATUS.get(status, status)
    counts = status in o.accept
    if counts:
        label = "present" if status in ("planned",) else label
    fact = o.fact
    weak = o.spec.strength == "weak"
    if o.spec.marks_conflict:
        if not counts:
            return None
        return Contribution(fact.name, None, None, m, m.start, m.end, label, False, o.combine, marks_conflict=True)
    if o.spec.from_ is None:
        if counts:
            raw, value, negated = o.positive, o.positive_value, o.spec.denies
        elif status == "negated" and o.negative is not None:
            raw, value, negated = o.negative, o.negative_value, True
        else:
            return None
        return Contribution(fact.name, raw, value, m, m.start, m.end, label, negated, o.combine, weak=weak)
    if not counts:
        if status == "negated" and fact.type == "duration":
            # "has not started PT" against "8 weeks of PT": kept to detect the conflict
            return Contribution(fact.name, None, None, m, m.start, m.end, label, True, o.combine, weak=weak)
        return None
    read = _read_value(o, m, reader, siblings, on)
    if read is None:
        return None
    raw, a, b, notes = read[:4]
    tier = read[4] if len(read) > 4 else 0
    value = normalize(fact, raw, where=fact.name)
    if fact.type == "date" and value > on and not fact.future_ok:
        return None
    if o.spec.value_lt is not None and not value < o.spec.value_lt:
        return None
    if o.spec.value_ge is not None and not value >= o.spec.value_ge:
        return None
    return Contribution(fact.name, raw, value, m, min(a, m.start), max(b, m.end), label, False, o.combine, notes,
                        weak=weak, tier=tier)


_FUTURE_BEFORE = re.compile(r"(?:\bin|\bwithin|\bnext|\bafter|\bfollow[- ]?up|\bf/u|\breturn|\brtc|\brecheck|\bre-?eval\w*|\bevery|\bfor another|\bfor an additional|\bfor a further|\bmore|\badditional|\banother|\blight duty|\bwork note|\bfor the next)\s*(?:the\s+)?(?:next\s+)?$", re.I)
# "PT for 6 weeks planned", "PT 6 weeks ordered": the length of a course ordered, not one done
_PLANNED_AFTER = re.compile(r"\s*(?:was |were |is |are |has been |had been )?(?:planned|ordered|prescribed|recommended|"
                            r"scheduled|intended|proposed|authori[sz]ed|approved|requested|referred)\b", re.I)
# "a 6-week program": the length a course was given, done only when the clause says it was
_COURSE_LENGTH = re.compile(r"-(?:week|wk|day|month)s?\b", re.I)
_COMPLETED = re.compile(r"\b(?:completed|complete|finished|did|done|underwent|undergone|went through|attended|"
                        r"failed|tried|had|has had|through|after)\b", re.I)
_PAST_IN = re.compile(r"\bin\s+the\s+(?:past|last|previous|prior)\s*$", re.I)
_OF_FILLER = re.compile(
    r"\s*'?s?\s*(?:-?\s*(?:course|trial|period|program|regimen|block|series|round|duration)s?\s+)?(?:of|into|in)?\s*"
    r"(?:(?:a|an|the|formal|outpatient|supervised|structured|home|daily|oral|prescription|over-the-counter|otc|regular|"
    r"consistent|dedicated|conservative|physical|continuous|scheduled|weekly|twice-weekly|"
    r"provider-directed|provider|directed|prescribed|in-person|land-based|aquatic|that|this|his|her|their|our)\s*)*$"
    # "over the last eleven weeks she has had physical therapy"
    r"|,?\s*(?:she|he|they|the patient|pt) (?:has|have|had) (?:had|done|completed|received|tried|undergone|attended|"
    r"been (?:doing|attending|taking|using|on|in))(?: (?:a|an|the|his|her|their|formal|supervised|outpatient|daily))*\s*$", re.I)
_SINCE_BEFORE = re.compile(
    r"(?:\bsince|\bstarting|\bfrom|\bas of)\s+(?:(?:the|his|her|their|my|our|an?|initial|first|last|that|this|"
    r"clinic|office|intake|in-person)\s+)*(?:visit|appointment|evaluation|eval|exam|consult(?:ation)?|encounter)?\s*"
    r"(?:on|in|of)?\s*(?:the\s+)?(?:(?:early|mid|late|beginning of|end of|middle of)\s+)?$", re.I)
_ON_BEFORE = re.compile(r"(?:\bon|\bin|\bas of|\bdated)\s+(?:(?:early|mid|late)\s+)?$", re.I)
_START_WORDS = r"started|start|began|begun|begin|initiated|commenced|prescribed|given|placed on|put on|referred|enrolled|treated"
_START_WORD = re.compile(rf"\b(?:{_START_WORDS})\b", re.I)
# what makes "<treatment> ... N weeks ago" a duration: the treatment started then ("since" that visit)
_AGO_START = re.compile(rf"\b(?:{_START_WORDS}|since)\b", re.I)
_SYMPTOM_WORD = re.compile(r"\b(?:pain|ache|aching|symptoms?|sx|sciatica|numbness|tingling|weakness|injury|fall|onset)\b", re.I)
_SINCE_THEN = re.compile(r"\b(?:since (?:then|that (?:visit|time|appointment|day|evaluation|exam))|"
                         r"(?:on |at )?(?:the same day|that day|that same day|at that (?:time|visit)|at that point))\b", re.I)
_END_BEFORE = re.compile(r"\b(?:end(?:ing|ed|s)?|until|through|completed|stopped|finished|discontinued|last (?:session|visit|dose))\b(?: on| in)?\s*$", re.I)
# the visit at which the failure was documented ("I reassessed her on November 18 and ... unchanged")
# ("at his visit here on October 20 the leg pain was unchanged", "unchanged (seen 10/30)")
_VISIT_BEFORE = re.compile(r"(?:\b(?:re-?assessed|re-?evaluated|re-?examined|examined|evaluated|seen|saw|visit|appointment|"
                           r"follow-?up|consultation|review|reviewed|came back|returned|was back)\b(?: \w+){0,2} on|\b(?:seen|re-?assessed|re-?evaluated|visit|f/u|"
                           r"follow-?up|review)\b:?)\s*$", re.I)
_VALUE_CUT = re.compile(r";|\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b", re.I)

_VALUE_CUTS, _SINCE_THENS = Searcher(_VALUE_CUT), Searcher(_SINCE_THEN)
TIER_EXPLICIT, TIER_DATE = 0, 1


def _region(m: Mention, siblings: list[Mention], reader: _Reader) -> tuple[int, int]:
    """Where a value of mention ``m`` may be: its sentence, cut at neighbouring mentions that
    share a tag (another treatment owns the duration after it), at ';' and at 'but'."""
    sent = reader.sentences[m.sentence]
    lo, hi = sent.start, sent.end
    tags = m.concept.tags
    for x in siblings:
        if x is m or not (tags & x.concept.tags):
            continue
        if x.end <= m.start and x.end > lo:
            lo = x.end
        elif x.start >= m.end and x.start < hi:
            hi = x.start
    text = reader.text
    for cut in _VALUE_CUTS.finditer(reader.index or text, lo, hi):
        if cut.end() <= m.start:
            lo = max(lo, cut.end())
        elif cut.start() >= m.end:
            hi = min(hi, cut.start())
            break
    return lo, hi


def _read_value(o: CompiledOutput, m: Mention, reader: _Reader, siblings: list[Mention], on: dt.date):
    text = reader.text
    parser = o.spec.from_
    scope = o.spec.scope
    if scope == "match":
        a, b = m.start, m.end
        for name, val in m.match.groupdict().items():
            if name.startswith("v") and val is not None:
                a, b = m.match.span(name)
                break
    elif scope == "sentence":
        s = reader.sentences[m.sentence]
        a, b = s.start, s.end
    else:
        a, b = _region(m, siblings, reader)
        if scope == "after":
            a = m.start
        elif scope == "before":
            b = m.end
    if parser in ("duration", "since"):
        read = _read_duration(reader, m, a, b, on, since_only=parser == "since")
        if read is not None and (o.spec.within_episode or o.spec.window):
            return _within_episode(read, reader, m, a, b, on, o.spec.window)
        return read
    if parser == "date_or_today":
        ended = [d for d in reader.dates_in(m.sentence, a, b) if d.exact and d.latest <= on and
                 _END_BEFORE.search(text, max(a, d.start - 24), d.start)]
        if ended:
            d = min(ended, key=lambda d: d.earliest)
            return d.earliest.isoformat(), d.start, d.end, []
        visits = [d for d in reader.dates_in(m.sentence, a, b) if d.exact and d.latest <= on and
                  _VISIT_BEFORE.search(text, max(a, d.start - 40), d.start)]
        if visits:
            d = max(visits, key=lambda d: d.latest)
            return d.latest.isoformat(), d.start, d.end, ["the visit at which the failure was documented"]
        return on.isoformat(), m.start, m.end, ["no date in the sentence: the date of the note (the request date)"]
    if parser == "date":
        rank = {"day": 0, "relative": 0, "month": 1, "year": 2}
        allowed = rank[o.spec.precision]
        dates = [d for d in reader.dates_in(m.sentence, a, b) if rank[d.precision] <= allowed and
                 (d.precision != "relative" or d.exact or allowed >= 1)]
        d = _nearest(dates, m)
        if d is None:
            return None
        day = d.latest if o.spec.day == "latest" else d.earliest
        notes = [] if d.exact else [f"date known to the {d.precision}: {o.spec.day} possible day taken"]
        return min(day, on).isoformat(), d.start, d.end, notes
    if parser == "region":
        allowed = set(o.fact.values or ())
        found = [lv for lv in V.find_levels(text, a, b)]
        regions = sorted({r for lv in found for r in lv.regions if r in allowed})
        if not regions:
            return None
        return regions, min(lv.start for lv in found), max(lv.end for lv in found), []
    finder = {"strength": V.find_strength, "pain": V.find_pain, "reflex": V.find_reflex,
              "number": V.find_numbers, "age": V.find_ages}[parser]
    found = finder(text, a, b)
    if not found:
        return None
    if scope in ("match", "sentence") and o.combine in ("min", "max"):
        n = (min if o.combine == "min" else max)(found, key=lambda x: x.value)
    else:
        n = _nearest(found, m)
    v = int(n.value) if float(n.value).is_integer() else n.value
    return v, n.start, n.end, [n.note] if n.note else []


def _nearest(items: list[Any], m: Mention) -> Any:
    """The item after the mention closest to it, else the closest before it."""
    after = [x for x in items if x.start >= m.start]
    if after:
        return min(after, key=lambda x: x.start)
    before = [x for x in items if x.end <= m.end]
    if before:
        return max(before, key=lambda x: x.end)
    return None


def _read_duration(reader: _Reader, m: Mention, a: int, b: int, on: dt.date, since_only: bool = False):
    """How long the thing mentioned has lasted: "PT x 8 wks", "8 weeks of PT", "PT since 8/1",
    "started PT 6 weeks ago", "since then" (a date in the sentences before). Follow-up intervals
    ("f/u in 6 weeks"), frequencies ("2x/wk") and symptom onsets ("pain that began in August")
    are skipped. Returns (raw, start, end, notes, tier): explicit durations rank before durations
    measured from a start date."""
    text = reader.text
    sent = reader.sentences[m.sentence]
    candidates: list[tuple[int, int, tuple[Any, int, int, list[str], int]]] = []
    if not since_only:
        lo_clause = reader.clause(m.sentence, m.start, m.end)[0]
        for d, ago in V.find_durations(text, m.end, b):
            before = text[max(a, d.start - 24):d.start]
            if _FUTURE_BEFORE.search(before) and not _PAST_IN.search(before):
                continue
            if not ago and _course_not_done(text, d, lo_clause):
                continue
            if _SYMPTOM_WORD.search(text, m.end, d.start):
                break
            if ago and not _AGO_START.search(text, lo_clause, d.start):
                # "attended one session of PT 7 weeks ago", "PT referral 7 weeks ago": when, not how
                # long; only a start ("started PT 7 weeks ago", "PT began 7 weeks ago") measures it
                continue
            candidates.append((TIER_EXPLICIT, d.start - m.end, (d.raw, d.start, d.end, [d.note] if d.note else [], TIER_EXPLICIT)))
            break
        for d, ago in V.find_durations(text, a, m.start):
            between = text[d.end:m.start]
            if ago:
                if not (_START_WORD.search(text, max(sent.start, d.start - 40), d.start) or _START_WORD.search(between)):
                    continue
            elif not _OF_FILLER.fullmatch(between):
                continue
            elif _course_not_done(text, d, lo_clause):
                continue
            candidates.append((TIER_EXPLICIT, m.start - d.end, (d.raw, d.start, d.end, [d.note] if d.note else [], TIER_EXPLICIT)))
    for d in reader.dates_in(m.sentence, a, b):
        if d.precision == "relative" and re.search(r"\bago\b", text[d.start:d.end]):
            continue  # read above as a duration
        lead = text[max(sent.start, d.start - 60):d.start]
        if _SINCE_BEFORE.search(lead):
            pass
        elif _ON_BEFORE.search(lead) and (_START_WORD.search(text, sent.start, d.start) or
                                          (d.end <= m.start and _START_WORD.search(text, d.end, m.start))):
            pass  # "started PT on 9/1", "examined on October 14 and started on ibuprofen"
        else:
            continue
        if d.start >= m.end and _SYMPTOM_WORD.search(text, m.end, d.start):
            continue
        end_date = _range_end(reader, m.sentence, d)
        if end_date is _UNKNOWN_END:
            continue  # a closed range whose end could not be read: no duration
        if end_date is not None:
            # "PT from July 10 to July 31": the course lasted from one date to the other, not to
            # the request date (shortest reading: the latest start, the earliest end)
            days = max(0, (min(end_date.earliest, on) - min(d.latest, on)).days)
            dist = d.start - m.end if d.start >= m.end else m.start - d.end
            notes = [f"from {d.latest.isoformat()} to {end_date.earliest.isoformat()}"]
            candidates.append((TIER_DATE, dist, (f"{days} days", d.start, end_date.end, notes, TIER_DATE)))
            continue
        candidates.append(_since_candidate(d, m, on))
    for ref in _SINCE_THENS.finditer(reader.index or text, a, b):
        d = reader.date_before(m.sentence, ref.start(), visit=_VISIT_WORD.search(ref.group()) is not None)
        if d is None:
            continue
        raw, s0, e0, notes, tier = _since_candidate(d, m, on)[2]
        dist = ref.start() - m.end if ref.start() >= m.end else m.start - ref.end()
        candidates.append((tier, dist, (raw, ref.start(), ref.end(), notes + [f"'{ref.group()}' refers to {d.latest.isoformat()}"], tier)))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    best = candidates[0][2]
    raw, start, end = best[0], best[1], best[2]
    lo_clause, hi_clause = reader.clause(m.sentence, min(start, m.start), max(end, m.end))
    if _FUTURE_AFTER.match(text, end, b) or _WILL_HAVE.search(text, max(a, start - 40), start) or \
            _AS_OF_LATER.search(text, end, hi_clause):
        return None  # "6 weeks as of next Monday", "will have completed 6 weeks next week": not yet
    if _INTERRUPTED.search(text, sent.start, sent.end):
        # "started PT 6 weeks ago but stopped after 2 weeks", "prescribed 6 weeks ago; she took it for
        # 10 days", "6 weeks, minus the week she was sick": what was done is the shortest other
        # length the sentence gives, and nothing when it gives none (a course stopped in the same
        # sentence as another treatment may cut that one short too: the cautious reading)
        done = [d for d, ago in V.find_durations(text, sent.start, sent.end) if not ago and d.start != start]
        if not done:
            return None
        d = min(done, key=lambda d: d.days)
        if d.days < duration_days(raw):
            return (f"{d.days:g} days", d.start, d.end, [f"course interrupted or cut short: {text[d.start:d.end]} done"], best[4])
    return best


def _within_episode(read: tuple, reader: _Reader, m: Mention, a: int, b: int, on: dt.date,
                    window: str | None = None) -> tuple | None:
    """The part of a course read next to ``m`` that lies within the current episode (and, with
    ``window``, within that span before the request, as "6 months"): none when every date given
    for the course is before the boundary ("7 weeks of PT in March" for pain since July), a closed
    range clipped to it ("PT from February 16 to April 24" counts from the boundary), and at most
    the time since the boundary."""
    found = reader.onsets()
    onset = episode.latest(found)
    bounds = ([onset.earliest] if onset is not None else []) + ([date_minus(on, parse_duration(window)[1]).date()]
                                                                 if window else [])
    if not bounds:
        return read
    boundary = min(max(bounds), on)
    why = (f"symptoms began or changed {onset.earliest.isoformat()} at the earliest" if onset is not None
           and onset.earliest == boundary else f"only the {window} before the request count")
    raw, start, end, notes, tier = read
    text = reader.text
    own = {(d.start, d.end) for d in found}

    def dates_of_course(lo: int, hi: int) -> list[V.DateRange]:
        return [d for d in reader.dates_in(m.sentence, lo, hi)
                if (d.start, d.end) not in own and d.earliest <= on
                and not (d.start >= m.end and _SYMPTOM_WORD.search(text, m.end, d.start))]

    # the course's own part of the sentence, else its clause ("7 weeks of PT and naproxen from March to April")
    course_dates = dates_of_course(a, b) or dates_of_course(*reader.clause(m.sentence, m.start, m.end))
    if course_dates and all(d.latest < boundary for d in course_dates) and not any(
            _SINCE_BEFORE.search(text, max(0, d.start - 60), d.start) and _range_end(reader, m.sentence, d) is None
            for d in course_dates):
        return None  # dated before the boundary: an earlier episode's course, or too long ago
    days = duration_days(raw)
    for d in course_dates:  # a closed range that began before the boundary counts from it
        closing = _range_end(reader, m.sentence, d)
        if closing is not None and closing is not _UNKNOWN_END and d.latest < boundary:
            days = min(days, max(0, (min(closing.earliest, on) - boundary).days))
    days = min(days, (on - boundary).days)  # the longest the course can have lasted since the boundary
    if days < duration_days(raw):
        return (f"{days:g} days", start, end, notes + [f"cut to the current episode: {why}"], tier)
    return read


# a course's length reached only later: "6 weeks as of next Monday", "reaches 6 weeks on Monday"
_FUTURE_AFTER = re.compile(r"\s*,?\s*(?:as of|by|on|come|from)\s+(?:next|this coming|tomorrow|monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday)\b|\s*,?\s*(?:next (?:week|month|monday|tuesday|wednesday|"
                           r"thursday|friday)|tomorrow)\b", re.I)
_WILL_HAVE = re.compile(r"\b(?:will (?:have )?(?:completed|done|had|finished|reached|been|complete|reach)|(?:reaches|reach|hits)"
                        r"|will be at)\b[^.;]*$", re.I)
_AS_OF_LATER = re.compile(r"\b(?:as of|by|come) (?:next|tomorrow|this coming)\b", re.I)
# a course stopped, interrupted or cut short: only part of the stated length was done
_INTERRUPTED = re.compile(
    r"\b(?:stopped|quit|discontinued|dropped out|gave up|ceased|abandoned)\b(?: (?:it|them|both|all|everything|going|attending|therapy|pt))? after\b"
    r"|\bonly (?:the first|one|two|three|\d+) (?:visits?|sessions?|appointments?|times?)"
    r"|\battended only\b|\b(?:went|been|gone) (?:there |to (?:pt|therapy|it) )?(?:only )?(?:once|twice)\b"
    r"|\b(?:has|have|had) been to (?:only )?(?:\d+|one|two|three|a few|a couple of) (?:sessions?|visits?|appointments?)"
    r"|\b(?:missed|skipped) (?:most|many|several|\d+|a few|half|some|(?:the )?last)\b"
    r"|(?<!no )\b(?:break|gap|pause|interruption)\b|\bminus\b|\bwait(?:ing)?[- ]?list(?:ed)?\b"
    r"|\b(?:took|taken|used) (?:it|them|the \w+) (?:only )?for\b|\bthe first \w+ (?:days?|weeks?) of\b"
    r"|\b(?:\d+|one|two|three|four|five) (?:weeks?|days?) (?:of|into) (?:an?|the|her|his|their) (?:\d+|\w+)-(?:week|day)\b", re.I)


def _course_not_done(text: str, d: Any, clause_start: int) -> bool:
    """Whether duration ``d`` is the length of a course ordered or planned, not of one done: "PT for
    6 weeks planned", or "a 6-week program" in a clause that does not say it was done."""
    if _PLANNED_AFTER.match(text, d.end):
        return True
    if not d.raw or not _COURSE_LENGTH.search(text, d.start, d.end):
        return False
    return not _COMPLETED.search(text, clause_start, d.start)


_RANGE_TO = re.compile(r"\s*(?:(?:to|through|thru|until|till|and)\s+|-+\s*)(?:(?:the\s+)?(?:early|mid|late|beginning of|end of|middle of)\s+)?$", re.I)


_RANGE_OPEN_END = re.compile(r"\s*(?:(?:to|through|thru|until|till)\s+|-+\s*)(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_UNKNOWN_END = V.DateRange(dt.date.min, dt.date.min, 0, 0, "unknown")


def _range_end(reader: _Reader, si: int, d: V.DateRange) -> V.DateRange | None:
    """The date that closes a range opened by ``d`` ("from July 10 to July 31", "between 7/10
    and 7/31"), if the next date of the sentence follows it that way."""
    for d2 in reader.dates_in(si, d.end, reader.sentences[si].end):
        if _RANGE_TO.match(reader.text, d.end, d2.start):
            return d2
        break
    if _RANGE_OPEN_END.match(reader.text, d.end):
        return _UNKNOWN_END  # "from 7/10-7/31" where the end was not read as a date
    return None


def _since_candidate(d: V.DateRange, m: Mention, on: dt.date):
    start_day = min(d.latest, on)
    days = (on - start_day).days
    notes = [f"measured from {start_day.isoformat()} to the request date"]
    if not d.exact:
        notes.append(f"start known to the {d.precision}: latest possible day taken")
    dist = d.start - m.end if d.start >= m.end else m.start - d.end
    return (TIER_DATE, dist, (f"{days} days", d.start, d.end, notes, TIER_DATE))


# ------------------------------------------------------------------------------------- combine
def _combine(contribs: list[Contribution], rules: Rules, text: str, sentences: list[Sentence], on: dt.date):
    by_fact: dict[str, list[Contribution]] = {}
    for c in contribs:
        by_fact.setdefault(c.fact, []).append(c)
    facts = FactSet()
    notes: dict[str, list[str]] = {}
    weak_only: set[str] = set()  # facts whose value rests on weak statements only

    said: dict[int, str] = {}  # sentence index -> its text, spaces collapsed

    def evidence(cs: list[Contribution]) -> tuple[dict[str, Any], ...]:
        seen = set()
        out = []
        for c in sorted(cs, key=lambda c: (c.start, c.end)):
            key = (c.start, c.end, c.status)
            if key in seen:
                continue
            seen.add(key)
            si = c.mention.sentence
            sentence = said.get(si)
            if sentence is None:
                s = sentences[si]
                sentence = said[si] = " ".join(text[s.start:s.end].split())
            out.append({"source": "note", "start": c.start, "end": c.end, "text": text[c.start:c.end],
                        "sentence": sentence, "assertion": c.status})
        return tuple(out)

    def conflict(name: str, cs: list[Contribution]) -> None:
        values: list[Any] = []
        for c in cs:
            v = "unclear" if c.marks_conflict else ("not done" if c.raw is None else c.raw)
            if isinstance(v, list):
                v = list(v)
            if v not in values:
                values.append(v)
        facts.conflicts.append({"fact": name, "values": values, "evidence": list(evidence(cs))})

    gated = [n for n, cs in by_fact.items() if any(c.only_if is not None for c in cs)]
    order = [n for n in by_fact if n not in gated] + gated
    for name in order:
        all_cs = by_fact[name]
        if name in gated:
            all_cs = [c for c in all_cs if c.only_if is None or _holds(c.only_if, facts, rules, [], on)]
        fact = rules.catalog[name]
        t = fact.type
        marks = [c for c in all_cs if c.marks_conflict]
        cs = [c for c in all_cs if not c.marks_conflict]
        if not cs:
            continue
        if marks:
            conflict(name, cs + marks)
            continue
        if t in ("number", "duration", "date"):
            valued = [c for c in cs if c.value is not None]
            if not valued:
                continue
            negated_concepts = {c.mention.concept.id for c in cs if c.value is None and c.negated}
            clashing = [c for c in valued if c.mention.concept.id in negated_concepts]
            if clashing:
                conflict(name, clashing + [c for c in cs if c.value is None and c.mention.concept.id in negated_concepts])
                continue
            tier = min(c.tier for c in valued)
            pool = [c for c in valued if c.tier == tier]
            how = pool[0].combine or "max"
            if how in ("max", "latest"):
                best = max(pool, key=lambda c: c.value)
            elif how in ("min", "earliest"):
                best = min(pool, key=lambda c: c.value)
            elif how == "first":
                best = pool[0]
            else:
                best = pool[-1]
            facts.put(name, FactValue(best.value, "note", evidence([best]), best.raw))
            if best.notes:
                notes[name] = list(best.notes)
            continue
        if t == "set":
            positive: dict[str, list[Contribution]] = {}
            denied: dict[str, list[Contribution]] = {}
            empty: list[Contribution] = []
            for c in cs:
                if c.raw is None:
                    continue
                members = [c.raw] if isinstance(c.raw, str) else list(c.raw)
                if c.negated and not members:
                    empty.append(c)
                for mbr in members:
                    (denied if c.negated else positive).setdefault(mbr, []).append(c)
            clash = [mbr for mbr in positive if mbr in denied]
            if clash or (positive and empty) or ("none" in positive and len(positive) > 1):
                involved = [c for mbr in clash for c in positive[mbr] + denied[mbr]] if clash else cs
                conflict(name, involved + (empty if positive and empty else []))
                continue
            if positive:
                used = [c for lst in positive.values() for c in lst]
                members = sorted(positive)
                facts.put(name, FactValue(frozenset(members), "note", evidence(used), members))
            elif empty:
                facts.put(name, FactValue(frozenset(), "note", evidence(empty), []))
            continue
        strong = [c for c in cs if not c.weak]
        pool = strong or cs
        if not strong:
            weak_only.add(name)
        distinct = {_key(c.value) for c in pool}
        if len(distinct) > 1:
            conflict(name, pool)
            continue
        agreeing = [c for c in cs if _key(c.value) in distinct]
        facts.put(name, FactValue(pool[0].value, "note", evidence(agreeing), pool[0].raw))
    _derive(facts, rules, on, weak_only)
    return facts, notes


def _key(v: Any) -> Any:
    return tuple(sorted(v)) if isinstance(v, frozenset) else v


def _holds(cond: Any, facts: FactSet, rules: Rules, used: list[str], on: dt.date) -> bool:
    if cond.all is not None:
        parts: list[str] = []
        if all(_holds(c, facts, rules, parts, on) for c in cond.all):
            used.extend(parts)
            return True
        return False
    v = facts.values.get(cond.fact)
    if v is None:
        return False
    ok = False
    if cond.eq is not None:
        ok = v == normalize(rules.catalog[cond.fact], cond.eq, where=cond.fact)
    elif cond.le is not None:
        ok = v <= cond.le
    elif cond.ge is not None:
        ok = v >= cond.ge
    elif cond.has_any is not None:
        ok = bool(v & frozenset(cond.has_any))
    elif cond.within_days is not None:
        ok = 0 <= (on - v).days <= cond.within_days
    elif cond.after is not None:
        other = facts.values.get(cond.after)
        ok = other is not None and v > other
        if ok:
            used.append(cond.after)
    if ok:
        used.append(cond.fact)
    return ok


def _derive(facts: FactSet, rules: Rules, on: dt.date, weak_only: set[str] | frozenset[str] = frozenset()) -> None:
    """Facts that follow from other facts. A value the note states only weakly ("reflexes 2+" for
    "no new deficit") yields to a derived one without a conflict, as it yields to a stated one."""
    for d in rules.derive:
        if any(c.get("fact") == d.fact for c in facts.conflicts):
            continue
        used: list[str] = []
        if not any(_holds(c, facts, rules, used, on) for c in d.when_any):
            continue
        fact = rules.catalog[d.fact]
        value = normalize(fact, d.value, where=d.fact)
        ev = tuple(e for name in dict.fromkeys(used) for e in facts.provenance[name].evidence)
        current = facts.provenance.get(d.fact)
        if current is None or current.value is None:
            facts.put(d.fact, FactValue(value, "note", ev, d.value))
        elif current.value != value and d.fact in weak_only:
            facts.put(d.fact, FactValue(value, "note", ev, d.value))
        elif current.value != value:
            facts.values.pop(d.fact, None)
            facts.provenance.pop(d.fact, None)
            facts.conflicts.append({"fact": d.fact, "values": [current.raw, d.value],
                                    "evidence": list(current.evidence) + list(ev)})
