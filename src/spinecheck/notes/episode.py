"""The current episode: when the note says the symptoms began or last changed, and what that
means for a treatment course.

EviCore counts provider-directed treatment only since the current symptoms started or last
changed, and Cohere counts conservative treatment tried for this problem. A course the note
dates before that ("7 weeks of PT in March" for pain since July) belongs to an earlier episode,
and a course cannot have lasted longer than the episode ("PT x 8 weeks" for pain since
September 1 on October 1). The onset is the latest date the note gives for a symptom starting,
recurring or worsening ("low back pain since early July", "pain that began 10 weeks ago", "worse
since August", "a fall on 7/10", "Onset: 7/10/2026") or the latest one implied by a symptom's
duration ("pain for 3 months", "8 weeks of leg pain"). Taking the latest errs against approval:
a spurious onset can only shorten what counts, never lengthen it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Iterable

from . import values as V
from .sentences import Sentence

_SYMPTOM = (r"(?:pain|ache|aching|symptoms?|sx|sciatica|numbness|tingling|weakness|radiculopathy|lumbago|complaints?|"
            r"problems?|flare(?:-?up)?|episode|injury|injured|fall|fell|accident|mva|mvc|onset)")
# what links a symptom to the date of its start or change
_LINK = (r"(?:since|start(?:ed|ing)|beg[au]n|beginning|onset|commenced|developed|appeared|arose|came on|flared(?:\s+up)?|"
         r"worse(?:ned)?|worsening|recurred|returned|occurred|happened|after|following|(?<=onset )(?:was|is))")
_FILLER = r"(?:\s+(?:in|on|around|about|approximately|approx\.?|roughly|at|of|the|a|an|some\s*time\s+in))*"
_ONSET_LEAD = re.compile(
    rf"\b{_SYMPTOM}\b(?:(?P<mid>[^.;]{{0,60}}?)(?:\b{_LINK}\b|:)|(?P<near>(?:\s+[\w-]+){{0,3}}?)\s+(?:in|on|dated))"
    rf"{_FILLER}\s*[:-]?\s*$", re.I)
# between the symptom and the link: a treatment, a visit or a study is the subject, not the symptom;
# or the symptom is said not to have changed since ("unchanged since September", "no better than in August")
_NOT_ONSET_SUBJECT = re.compile(
    r"\b(?:unchanged|same|stable|no better|not better|no worse|no change|persist\w*|still|constant|than|"
    r"PT|therap\w*|physio\w*|chiro\w*|naproxen|ibuprofen|meloxicam|nsaids?|medications?|meds|gabapentin|steroids?|"
    r"prednisone|injections?|esi|exercises?|program|course|treatment|treated|tx|trial|sessions?|visits?|seen|saw|"
    r"referred|x-?rays?|films?|mri|ct|imaging|scan|surgery|fusion|appointment|evaluated|examined)\b", re.I)
# "pain for 3 months", "sciatica x 10 weeks", "pain that has been present for the past 8 weeks"
_DURATION_AFTER_SYMPTOM = re.compile(
    r"\s*,?\s*(?:(?:that|which)\s+)?(?:(?:has|have|had)\s+)?(?:been\s+)?(?:present|ongoing|going on|persisting|persistent|"
    r"lasting|constant)?\s*(?:for|x|×|of|over)\s+(?:the\s+(?:past|last|previous)\s+)?"
    r"(?:about|approximately|approx\.?|~|roughly|nearly|almost|over|more than|at least)?\s*$", re.I)
# "3 months of low back pain", "10 weeks' history of sciatica"
_DURATION_BEFORE_SYMPTOM = re.compile(
    rf"\s*(?:'s|s'|')?\s*(?:history\s+)?of\s+(?:[\w-]+\s+){{0,3}}?{_SYMPTOM}\b", re.I)
_SYMPTOM_RE = re.compile(rf"\b{_SYMPTOM}\b", re.I)
_SKIPPED_SECTIONS = frozenset({"family_history", "allergies"})


def onsets(text: str, sentences: list[Sentence], dates: Callable[[int], list[V.DateRange]],
           on: dt.date) -> list[V.DateRange]:
    """Every date the note gives for a symptom starting, recurring or worsening, and the start
    implied by each symptom duration; ``dates(i)`` gives sentence i's dates."""
    found: list[V.DateRange] = []
    for s in sentences:
        if s.section in _SKIPPED_SECTIONS or not _SYMPTOM_RE.search(text, s.start, s.end):
            continue
        for d in dates(s.index):
            if d.earliest > on:
                continue
            lead = _ONSET_LEAD.search(text, max(s.start, d.start - 90), d.start)
            if lead and not _NOT_ONSET_SUBJECT.search(lead.group("mid") or lead.group("near") or ""):
                found.append(d)
        found += _implied_by_durations(text, s, on)
    return found


def _implied_by_durations(text: str, s: Sentence, on: dt.date) -> Iterable[V.DateRange]:
    for d, ago in V.find_durations(text, s.start, s.end):
        if ago or not d.days:
            continue  # "10 weeks ago" is a date, read as one
        symptom = None
        for symptom in _SYMPTOM_RE.finditer(text, max(s.start, d.start - 70), d.start):
            pass  # the last symptom word before the duration
        if (symptom is not None and _DURATION_AFTER_SYMPTOM.fullmatch(text, symptom.end(), d.start)) or \
                _DURATION_BEFORE_SYMPTOM.match(text, d.end, s.end):
            yield _start_of(d, on)


def _start_of(d: V.Duration, on: dt.date) -> V.DateRange:
    day = on - dt.timedelta(days=int(d.days))
    return V.DateRange(day, day, d.start, d.end, "relative")


def latest(found: list[V.DateRange]) -> V.DateRange | None:
    """The onset of the current episode: the latest of ``found`` (by its latest possible day)."""
    return max(found, key=lambda d: (d.latest, d.earliest)) if found else None
