"""Value parsers: durations, dates, pain scores, strength and reflex grades, ages, spinal levels.

Every parser returns the value AND how it was read (qualifier, range, precision) so that the
evidence can say why a conservative value was taken. Conservative choices:

* ranges take the lower bound ("6-8 weeks" -> 6 weeks; "8-9/10" -> 8);
* "over / more than / at least 6 weeks" -> 6 weeks (a lower bound);
* "almost / nearly / just under 6 weeks" -> 6 weeks less one day;
* "less than / under / up to 6 weeks" is an upper bound only -> no value;
* a date known only to the month or year is a range; a duration measured from it to the request
  date uses the LATEST possible start (the shortest duration);
* strength "4-/5" is below 4 (3.5); "4+/5" counts as grade 4.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ..policy.durations import DAYS_PER_UNIT, add_months

WORD_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "couple": 2, "a couple": 2, "a couple of": 2,
    "couple of": 2, "half a": 0.5, "half an": 0.5, "a half": 0.5, "one and a half": 1.5,
    "two and a half": 2.5, "several": -1, "few": -1, "a few": -1, "many": -1,
}
_NUM = (r"(?:\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) and a half|half an?|a couple(?: of)?|couple of|a few|few|several|"
        r"twenty|thirty|forty|fifty|sixty|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an?)")
_UNIT = r"(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_UNIT_ATTACHED = r"(?:h|d|w|wk|m|mo|y|yr)"
UNIT_OF = {
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "d": "day", "day": "day", "days": "day",
    "w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "m": "month", "mo": "month", "mos": "month", "month": "month", "months": "month",
    "y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year",
}
_QUAL = (r"(?P<qual>more than|greater than|longer than|a little over|well over|just over|over|in excess of|at least|a minimum of|"
         r"minimum of|>=|>|approximately|approx\.?|about|around|roughly|~|nearly|almost|just under|not quite|"
         r"just shy of|shy of|(?:a|one|a few|a couple of|two|several) days? short of|short of|close to|under|"
         r"less than|shorter than|<|up to|only|just)")
DURATION_RE = re.compile(
    rf"(?:{_QUAL}\s*)?(?:(?:the|a)\s+)?(?:(?:past|last|previous|prior)\s+)?"
    rf"(?<![/\d.])(?P<n1>{_NUM})(?P<plus>\+)?(?:\s*(?:-|to|or)\s*(?P<n2>{_NUM}))?"
    rf"(?:\s*[- ]\s*|\s*)(?P<u1>{_UNIT})\b"
    rf"(?:,?\s*(?:and\s+)?(?P<n3>\d+(?:\.\d+)?|one|two|three|four|five|six|a)\s*[- ]?\s*(?P<u2>{_UNIT})\b)?"
    rf"(?P<half>\s+and\s+a\s+half)?"
    rf"|(?P<n4>\d+(?:\.\d+)?)(?P<u4>{_UNIT_ATTACHED})\b"
    rf"|(?<=x )(?P<n6>\d{{1,3}})\s(?P<u6>d|mo)\b(?![/.]\w)"  # terse "pain x 11 d", "PT x 2 mo"
    rf"|(?P<n5>\d{{1,2}})/52\b",
    re.IGNORECASE,
)
_FREQUENCY_BEFORE = re.compile(r"(?:\d\s*x|\btimes|\btwice|\bthrice|\bonce|\bevery|\beach|\bper|/|\bq)\s*$", re.IGNORECASE)
_A_UNIT = re.compile(r"an?\s+(?:day|week|wk|month)", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s*,?\s*(?:for|x|×)\s+(?:about\s+|approximately\s+|the\s+(?:past|last)\s+)?"
                         r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple)",
                         re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s*(?:ago|back|prior(?! to))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    days: float
    raw: str  # display / request form, e.g. "6 weeks", "41 days"
    start: int
    end: int
    qualifier: str | None = None
    note: str | None = None  # how a conservative value was chosen


def _num(text: str) -> float | None:
    t = " ".join(text.lower().split())
    if t.endswith(" and a half") and t[:-11] in WORD_NUMBERS:
        return WORD_NUMBERS[t[:-11]] + 0.5
    if t in WORD_NUMBERS:
        v = WORD_NUMBERS[t]
        return None if v < 0 else float(v)
    try:
        return float(t)
    except ValueError:
        return None


def _fmt(n: float, unit: str) -> str:
    s = f"{n:g}"
    return f"{s} {unit}" + ("" if n == 1 else "s")


def parse_duration_match(m: re.Match[str]) -> Duration | None:
    """The duration read by a DURATION_RE match, or None when it gives no lower bound."""
    if m.group("n5"):
        n = float(m.group("n5"))
        return Duration(n * 7, _fmt(n, "week"), m.start(), m.end())
    if m.group("n4") or m.group("n6"):
        n = float(m.group("n4") or m.group("n6"))
        unit = UNIT_OF[(m.group("u4") or m.group("u6")).lower()]
        return Duration(n * DAYS_PER_UNIT[unit], _fmt(n, unit), m.start(), m.end())
    n1 = _num(m.group("n1"))
    if n1 is None:
        return None
    unit = UNIT_OF[m.group("u1").lower()]
    note = None
    if m.group("n2"):
        n2 = _num(m.group("n2"))
        if n2 is not None and n2 >= n1:
            note = f"range {m.group('n1')}-{m.group('n2')} {unit}s: lower bound taken"
    if m.group("half"):
        n1 += 0.5
    parts = [(n1, unit)]
    if m.group("n3") and m.group("u2"):
        n3 = _num(m.group("n3"))
        if n3 is not None:
            parts.append((n3, UNIT_OF[m.group("u2").lower()]))
    days = sum(n * DAYS_PER_UNIT[u] for n, u in parts)
    raw = " ".join(_fmt(n, u) for n, u in parts)
    qual = (m.group("qual") or "").lower() or None
    if m.group("plus"):
        qual = qual or "at least"
    if qual in ("less than", "shorter than", "<", "under", "up to"):
        return None  # an upper bound says nothing about the minimum
    if qual in _A_LITTLE_LESS or (qual or "").endswith("short of"):
        days = max(days - 1, 0)
        raw = f"{days:g} days"
        note = f"'{qual}': one day less than stated"
    elif qual in _MORE_THAN and len(parts) == 1 and unit in ("hour", "day"):
        # "more than 24 hours" is not 24 hours: an hour more, so that it is still at least the amount
        # and no longer at most it (longer spans keep their stated lower bound: "more than 6 weeks")
        days += 1 / 24
        raw = _fmt(round(days * 24, 3), "hour")
        note = f"'{qual}': a little more than stated"
    return Duration(days, raw, m.start(), m.end(), qual, note)


_A_LITTLE_LESS = ("nearly", "almost", "just under", "not quite", "close to", "just shy of", "shy of")
_MORE_THAN = ("more than", "greater than", "longer than", "a little over", "well over", "just over", "over",
              "in excess of", ">")
# "6 weeks minus a few days", "a week less a day": less than stated (a day less when the amount is vague)
_MINUS_AFTER = re.compile(rf"\s*,?\s*(?:minus|less|short of|shy of)\s+(?:the\s+)?(?P<n>{_NUM})?\s*(?P<u>days?|weeks?|wks?)\b",
                          re.IGNORECASE)


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[tuple[Duration, bool]]:
    """Durations in text[start:end] as (duration, is_ago); frequencies ("3 times a week") skipped."""
    end = len(text) if end is None else end
    out = []
    taken = start  # the end of the last duration read (with its "minus ..." part)
    for m in _DURATIONS.finditer(text, start, end):
        if m.start() < taken:
            continue
        before = text[max(start, m.start() - 8):m.start()]
        if _FREQUENCY_BEFORE.search(before) and not m.group("qual"):
            continue
        if _A_UNIT.fullmatch(m.group()) and _RATE_AFTER.match(text, m.end(), end):
            continue  # "one session of PT a week for 7 weeks": a rate, the course's length follows
        d = parse_duration_match(m)
        if d is None:
            continue
        minus = _MINUS_AFTER.match(text, m.end(), end)
        if minus is not None:
            n = _num(minus.group("n")) if minus.group("n") else 1.0
            less = (n if n is not None and n > 0 else 1.0) * DAYS_PER_UNIT[UNIT_OF[minus.group("u").lower()]]
            days = max(d.days - less, 0)
            d = Duration(days, f"{days:g} days", d.start, minus.end(), d.qualifier,
                         f"'{text[minus.start():minus.end()].strip()}': less than stated")
        taken = d.end
        ago = _AGO_AFTER.match(text, d.end, end) is not None
        if ago:
            d = Duration(d.days, d.raw, d.start, _AGO_AFTER.match(text, d.end, end).end(), d.qualifier, d.note)  # type: ignore[union-attr]
        out.append((d, ago))
    return out


# --------------------------------------------------------------------------------------- dates
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
_PART = r"(?P<part>early|mid|late|beginning of|start of|end of|middle of|the end of|the beginning of|the middle of)"
DATE_PARTS = [
    r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))\b",
    r"(?P<us>(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>(?:19|20)?\d\d))\b",
    r"(?P<usd>(?P<dm>[01]?\d)-(?P<dd>[0-3]?\d)-(?P<dy>(?:19|20)\d\d))\b",
    r"(?P<my>(?P<mym>[01]?\d)/(?P<myy>(?:19|20)\d\d))\b",
    rf"(?P<named>(?P<nm>{_MON})\.?\s+(?P<nd>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<ny>(?:19|20)\d\d))?)",
    rf"(?P<named2>(?P<n2d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<n2m>{_MON})\.?(?:,?\s+(?P<n2y>(?:19|20)\d\d))?)\b",
    rf"(?P<month>(?:{_PART}[- ]?\s*)?(?P<mm>{_MON})\.?(?:,?\s+(?:of\s+)?(?P<my2>(?:19|20)\d\d))?)\b",
    r"(?P<rel>today's|today|this morning|this afternoon|this evening|tonight|last night|yesterday|the day before yesterday|"
    r"(?:earlier )?this (?:week|month|year)|last (?:week|month|year|weekend)|the (?:past|last) (?:week|month))\b",
    rf"(?P<ago>(?P<an>{_NUM})\s*[- ]?\s*(?P<au>{_UNIT})\s+(?:ago|back)|(?:a|one) (?P<au2>week|month|year|day) ago)\b",
    r"(?P<year>(?<=in |of |by )(?P<yy>(?:19|20)\d\d)|(?<=since )(?P<yy2>(?:19|20)\d\d)|(?<=from )(?P<yy4>(?:19|20)\d\d)|(?<=\()(?P<yy3>(?:19|20)\d\d)(?=\)))\b",
    r"(?P<md>(?<![\d/.])(?P<mdm>[01]?\d)/(?P<mdd>[0-3]?\d)(?![/\d]))",
    # seasons: "in the spring", "last summer", "this past winter", "the autumn of 2025", "fall 2025";
    # "fall" alone only after "last", "this past" or "in/during/over the" ("since the fall" is an injury)
    r"(?P<season>(?:(?:in|during|over) the |(?P<sl>last|this past|past|this) |the )"
    r"(?P<sw>spring|summer|autumn|winter)(?:,?\s+(?:of\s+)?(?P<sy>(?:19|20)\d\d))?"
    r"|(?:(?:in|during|over) the |(?P<sl2>last|this past|past|this) )(?P<sf>fall)(?:,?\s+(?:of\s+)?(?P<sfy>(?:19|20)\d\d))?"
    r"|(?P<sw2>spring|summer|autumn|winter|fall),?\s+(?:of\s+)?(?P<sy2>(?:19|20)\d\d))\b(?!-)",
]
DATE_RE = re.compile("|".join(DATE_PARTS), re.IGNORECASE)
_MD_BEFORE = re.compile(
    r"(?:\bon|\bsince|\bfrom|\bdated?|\bvisit|\bseen|\beval\w*|\bexam\w*|\bf/u|\bfollow[- ]?up|\bstarted|\bbegan|"
    r"\buntil|\bthrough|\bto|\bof|\bin|\bat|\bcall|\bphone|\bcheck-in|\bsurgery|\binjection|\bdos|\bcompleted|"
    r"\bended|\bstopped|\blast|\bxr|\bx-?rays?|\bmri|\bct|\bdone|\bperformed|\bobtained|\bappt|\bvisits?|\btoday|&|,|\band|"
    r"\bre-?eval\w*|\bre-?assess\w*|\bre-?exam\w*|\breviewed|\bclinic|\boffice|\bperson|\bcontact|\bmessage|\bportal|\bemail|\bcall(?:ed)?|\bbuttocks|\bback|"
    r"\bfloor|\bground|\bice|\bstairs|\bhome|\bfell|\bfall|\binjured|\bsurgery|\bfusion|\blaminectomy|\bdiscectomy)\s*(?:\(|on\s+)?$",
    re.IGNORECASE)
_MD_NOT_AFTER = re.compile(r"\s*(?:/|out of|pain|strength|on the (?:vas|nrs))", re.IGNORECASE)
# "slipped on wet leaves 10/3": an injury or onset verb a few words before a bare month/day dates it
_MD_EVENT_BEFORE = re.compile(
    r"\b(?:slipped|tripped|fell|injured|hurt|twisted|struck|collided|crashed|tackled|rear-ended|lifted|lifting|began|started)\b"
    r"(?:\s+[\w'-]+){0,4}\s*$", re.IGNORECASE)
# "unchanged at 7/10", "pain is 8/10": an N/10 after such words is a pain score, not a date
_MD_SCORE_WORD_BEFORE = re.compile(r"\b(?:at|is|was|remains?|remained|now|currently|rated|rates|unchanged)\s*$", re.IGNORECASE)
_MD_SCORE_BEFORE = re.compile(r"(?:pain|score|strength|vas|nrs|rated?|grade|power|motor|mmt|\d)\s*(?:of|at|is|was|:|=)?\s*$", re.IGNORECASE)
from .fastmatch import Matcher  # noqa: E402
from .searcher import Searcher  # noqa: E402

_DURATIONS = Searcher(DURATION_RE)
_MD_BEFORE_S = Searcher(_MD_BEFORE)

DATE_MATCHER = Matcher(DATE_PARTS, re.IGNORECASE, regex=DATE_RE)
_MONTH_ALONE_OK_BEFORE = re.compile(
    r"(?:since|in|from|of|on|during|until|till|through|by|last|this|early|mid|late|around|about|before|after|"
    r"beginning of|end of|middle of|start of|starting|started|began|begun|dated?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    earliest: dt.date
    latest: dt.date
    start: int
    end: int
    precision: str  # day, month, year, relative

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


def _year2(y: str, on: dt.date) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000
        if n > on.year + 1:
            n -= 100
    return n


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _latest_year_for(month: int, day: int | None, on: dt.date) -> int:
    """The year that puts month/day on or before ``on`` (the most recent such date)."""
    probe = _safe(on.year, month, day or 1)
    if probe is not None and probe <= on:
        return on.year
    return on.year - 1


def parse_date_match(m: re.Match[str], on: dt.date, text: str) -> DateRange | None:
    """The dates a match of DATE_RE, or of one of DATE_PARTS, stands for."""
    s, e = m.start(), m.end()
    g = m.groupdict().get
    if g("iso"):
        d = _safe(int(g("iy")), int(g("im")), int(g("id")))
        return DateRange(d, d, s, e, "day") if d else None
    if g("us"):
        d = _safe(_year2(g("uy"), on), int(g("um")), int(g("ud")))
        return DateRange(d, d, s, e, "day") if d else None
    if g("usd"):
        d = _safe(int(g("dy")), int(g("dm")), int(g("dd")))
        return DateRange(d, d, s, e, "day") if d else None
    if g("my"):
        mo = int(g("mym"))
        if not 1 <= mo <= 12:
            return None
        a, b = _month_range(int(g("myy")), mo)
        return DateRange(a, b, s, e, "month")
    if g("named") or g("named2"):
        mo = _MONTHS[(g("nm") or g("n2m")).lower().rstrip(".")]
        day = int(g("nd") or g("n2d"))
        ys = g("ny") or g("n2y")
        y = int(ys) if ys else _latest_year_for(mo, day, on)
        d = _safe(y, mo, day)
        return DateRange(d, d, s, e, "day") if d else None
    if g("month"):
        word = g("mm").lower()
        if not g("my2") and not g("part") and not _MONTH_ALONE_OK_BEFORE.search(text[max(0, s - 14):s]):
            return None  # "may" the verb, "march" the verb, a lone month without a preposition
        if word == "may" and not g("my2") and not g("part") and not re.search(r"(?:since|in|of|during|until|by|early|mid|late)\s*$", text[max(0, s - 10):s], re.IGNORECASE):
            return None
        mo = _MONTHS[word]
        y = int(g("my2")) if g("my2") else _latest_year_for(mo, None, on)
        a, b = _month_range(y, mo)
        part = (g("part") or "").lower().replace("the ", "")
        if part in ("early", "beginning of", "start of"):
            b = dt.date(y, mo, 10)
        elif part in ("mid", "middle of"):
            a, b = dt.date(y, mo, 11), dt.date(y, mo, 20)
        elif part in ("late", "end of"):
            a = dt.date(y, mo, 21)
        return DateRange(a, b, s, e, "month")
    if g("rel"):
        r = g("rel").lower()
        if r in ("today", "this morning", "this afternoon", "this evening", "tonight", "today's"):
            return DateRange(on, on, s, e, "relative")
        if r in ("yesterday", "last night"):
            d = on - dt.timedelta(days=1)
            return DateRange(d, d, s, e, "relative")
        if r == "the day before yesterday":
            d = on - dt.timedelta(days=2)
            return DateRange(d, d, s, e, "relative")
        if r.endswith("this week"):
            return DateRange(on - dt.timedelta(days=on.weekday()), on, s, e, "relative")
        if r.endswith("this month"):
            return DateRange(on.replace(day=1), on, s, e, "relative")
        if r.endswith("this year"):
            return DateRange(on.replace(month=1, day=1), on, s, e, "relative")
        if r in ("last week", "last weekend", "the past week", "the last week"):
            return DateRange(on - dt.timedelta(days=13), on - dt.timedelta(days=1), s, e, "relative")
        if r in ("last month", "the past month", "the last month"):
            a = add_months(on, -1).replace(day=1)
            return DateRange(a, on - dt.timedelta(days=1), s, e, "relative")
        if r == "last year":
            return DateRange(dt.date(on.year - 1, 1, 1), dt.date(on.year - 1, 12, 31), s, e, "relative")
        return None
    if g("ago"):
        if g("au2"):
            n, unit = 1.0, UNIT_OF[g("au2").lower()]
        else:
            n_ = _num(g("an"))
            if n_ is None:
                return None
            n, unit = n_, UNIT_OF[g("au").lower()]
        d = _minus(on, n, unit)
        # "2-3 years ago", "2 to 3 years ago": a span of days, not one day (an output that needs
        # the day takes it only where it allows a coarser date, and then names which end)
        near = _AGO_RANGE_START.search(text, max(0, s - 12), s)
        if near is not None:
            n0 = _num(near.group("n"))
            if n0 is not None and n0 < n:
                return DateRange(d, _minus(on, n0, unit), near.start(), e, "relative")
        # "6 months and 2 weeks ago", "a year and a month ago": both parts
        first = _AGO_FIRST_PART.search(text, max(0, s - 30), s)
        if first is not None:
            n0 = _num(first.group("n"))
            if n0 is not None:
                d = _minus(d, n0, UNIT_OF[first.group("u").lower()])
                s = first.start()
        # "more than 6 months ago" lies before the mark, "almost 3 years ago" after it
        qual = _AGO_QUALIFIER.search(text, max(0, s - 16), s)
        if qual is not None:
            d = d - dt.timedelta(days=1) if qual.group("more") else min(d + dt.timedelta(days=1), on)
            s = qual.start()
        return DateRange(d, d, s, e, "relative")
    if g("year"):
        y = int(g("yy") or g("yy2") or g("yy3") or g("yy4"))
        return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31), s, e, "year")
    if g("season"):
        return _season(m, on)
    if g("md"):
        mo, day = int(g("mdm")), int(g("mdd"))
        before = text[max(0, s - 24):s]
        dated = _MD_BEFORE_S.search(before) or (
            _MD_EVENT_BEFORE.search(text[max(0, s - 48):s]) and not _MD_SCORE_BEFORE.search(before))
        if not 1 <= mo <= 12 or not dated or _MD_NOT_AFTER.match(text, e):
            return None  # "9/10" pain, "4/5" strength: a month/day needs a date-like word before it
        if day == 10 and _MD_SCORE_WORD_BEFORE.search(before):
            return None
        y = _latest_year_for(mo, day, on)
        d = _safe(y, mo, day)
        return DateRange(d, d, s, e, "day") if d else None
    return None  # pragma: no cover


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], on: dt.date) -> DateRange | None:
    """A meteorological season (northern hemisphere): spring March-May, summer June-August,
    autumn September-November, winter December-February. Without a year, the latest one that had
    begun by ``on`` (its days after ``on`` left out); winter of a year is the one that ends in it."""
    g = m.groupdict().get
    name = (g("sw") or g("sf") or g("sw2")).lower()
    year = g("sy") or g("sfy") or g("sy2")
    first = _SEASON_START[name]
    if year:
        y = int(year) - (1 if first == 12 else 0)
    else:
        y = on.year if (on.month, on.day) >= (first, 1) else on.year - 1
    start = dt.date(y, first, 1)
    end = add_months(start, 3) - dt.timedelta(days=1)
    if not year and end >= on and (g("sl") or g("sl2") or "").lower() == "last":
        start, end = dt.date(y - 1, first, 1), add_months(dt.date(y - 1, first, 1), 3) - dt.timedelta(days=1)  # "last fall" in October
    if start > on:
        return None
    return DateRange(start, min(end, on), m.start(), m.end(), "month")


_AGO_RANGE_START = re.compile(rf"(?P<n>{_NUM})\s*(?:-|to|or)\s*$", re.IGNORECASE)
_AGO_FIRST_PART = re.compile(rf"(?P<n>{_NUM})\s*[- ]?\s*(?P<u>{_UNIT}),?\s+and\s+$", re.IGNORECASE)
# the qualifiers of a length, before "... ago": "more than" puts the date before the mark, "almost"
# (or "less than", which for a length gives no value) after it
_AGO_QUALIFIER = re.compile(
    rf"(?:(?P<more>{'|'.join(map(re.escape, _MORE_THAN))})"
    rf"|(?P<less>{'|'.join(map(re.escape, (*_A_LITTLE_LESS, 'less than', 'under')))}))\s*$", re.IGNORECASE)


def _minus(on: dt.date, n: float, unit: str) -> dt.date:
    if unit in ("month", "year") and float(n).is_integer():
        return add_months(on, -int(n) * (12 if unit == "year" else 1))
    return on - dt.timedelta(days=round(n * DAYS_PER_UNIT[unit]))


def find_dates(text: str, on: dt.date, start: int = 0, end: int | None = None, index=None) -> list[DateRange]:
    end = len(text) if end is None else end
    out = []
    matches = DATE_MATCHER.finditer(index, start, end) if index is not None else DATE_RE.finditer(text, start, end)
    for m in matches:
        d = parse_date_match(m, on, text)
        if d is not None:
            out.append(d)
    return out


# ------------------------------------------------------------------ pain, strength, reflexes
PAIN_RE = re.compile(
    r"(?<![\d.])(?P<a>10|[0-9](?:\.\d)?)\+?(?:\s*(?:-|to)\s*(?P<b>10|[0-9](?:\.\d)?))?\s*(?:/|out of)\s*10\b(?!\s*/)"
    r"|(?:vas|nrs|pain score|pain scale|numeric rating scale|visual analog(?:ue)? scale)(?: score)?(?: of| is| was| at|:|=)?\s*(?P<c>10|[0-9](?:\.5)?)(?!\s*/\s*5)\b",
    re.IGNORECASE,
)
STRENGTH_RE = re.compile(
    r"(?<![\d/.])(?P<g>[0-5])\s*(?P<mod>[+-])?\s*(?:/|out of)\s*5\b(?!\s*/)"
    r"|\b(?:grade|mrc)\s+(?P<g2>[0-5])(?P<mod2>[+-])?(?=\s*(?:strength|weakness|power|motor))",
    re.IGNORECASE,
)
REFLEX_RE = re.compile(
    r"(?<![\d/])(?P<g>[0-4])\s*\+(?![\d/])|\b(?P<w>absent|trace|diminished|decreased|hypoactive|reduced|depressed|"
    r"brisk|hyperactive|hyperreflexic|normal|symmetric|intact)\b",
    re.IGNORECASE,
)
_REFLEX_WORDS = {"absent": 0.0, "trace": 1.0, "diminished": 1.0, "decreased": 1.0, "hypoactive": 1.0, "reduced": 1.0,
                 "depressed": 1.0, "brisk": 3.0, "hyperactive": 3.0, "hyperreflexic": 3.0, "normal": 2.0,
                 "symmetric": 2.0, "intact": 2.0}
AGE_RE = re.compile(
    r"\b(?P<a>\d{1,3})[- ]?(?:yo\b|y/o|y\.o\.?|yr?s?[- ]old|year[- ]old|years? of age|-year-old)|\bage(?:d)?:?\s+(?P<b>\d{1,3})\b",
    re.IGNORECASE,
)
NUMBER_RE = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?![\d])")


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    note: str | None = None


_SCORE_NEARLY = re.compile(r"\b(?:nearly|almost|close to|just under|not quite|approaching|under|less than|below)\s*$", re.IGNORECASE)


def find_pain(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    end = len(text) if end is None else end
    out = []
    for m in PAIN_RE.finditer(text, start, end):
        if m.group("c"):
            out.append(Number(float(m.group("c")), m.start(), m.end()))
            continue
        a = float(m.group("a"))
        note = None
        if m.group("b"):
            b = float(m.group("b"))
            if b >= a:
                note = f"range {m.group('a')}-{m.group('b')}/10: lower bound taken"
        if _SCORE_NEARLY.search(text, max(0, m.start() - 16), m.start()):  # (before the region too)
            a = max(a - 0.5, 0)  # "nearly 9/10" is below 9
            note = f"'nearly' {m.group('a')}/10: read as {a:g}"
        if a <= 10:
            out.append(Number(a, m.start(), m.end(), note))
    return out


def find_strength(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    end = len(text) if end is None else end
    out = []
    for m in STRENGTH_RE.finditer(text, start, end):
        g = m.group("g") or m.group("g2")
        mod = m.group("mod") or m.group("mod2")
        v = float(g)
        note = None
        if mod == "-" and v > 0:
            v -= 0.5
            note = f"{g}-/5 read as below {g} ({v:g})"
        elif mod == "+" and v < 5:
            v += 0.25  # above the grade: "3+/5" is not "3/5 or less"
            note = f"{g}+/5 read as above {g} ({v:g})"
        out.append(Number(v, m.start(), m.end(), note))
    return out


def find_reflex(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    end = len(text) if end is None else end
    out = []
    for m in REFLEX_RE.finditer(text, start, end):
        if m.group("g"):
            out.append(Number(float(m.group("g")), m.start(), m.end()))
        else:
            out.append(Number(_REFLEX_WORDS[m.group("w").lower()], m.start(), m.end()))
    return out


def find_ages(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    end = len(text) if end is None else end
    out = []
    for m in AGE_RE.finditer(text, start, end):
        a = int(m.group("a") or m.group("b"))
        if 0 <= a <= 120:
            out.append(Number(float(a), m.start(), m.end()))
    return out


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    end = len(text) if end is None else end
    return [Number(float(m.group("n")), m.start(), m.end()) for m in NUMBER_RE.finditer(text, start, end)]


# ------------------------------------------------------------------------ levels and regions
LEVEL_RE = re.compile(
    r"\b(?P<r>[CTLS])\s?(?P<n>[1-9]|1[0-2])(?:\s*(?:-|/|to)\s*(?P<r2>[CTLS])?\s?(?P<n2>[1-9]|1[0-2]))?\b",
    re.IGNORECASE,
)
_REGION_OF = {"c": "cervical", "t": "thoracic", "l": "lumbar", "s": "lumbar"}


@dataclass(frozen=True)
class Level:
    regions: frozenset[str]
    start: int
    end: int


def find_levels(text: str, start: int = 0, end: int | None = None) -> list[Level]:
    """Spinal levels ("L4-5", "C5/6", "L5-S1", "T12") and the spinal regions they belong to.

    Sacral nerve roots and the lumbosacral junction are imaged with the lumbar spine; a
    sacrum/SI/coccyx complaint is read from words, not from levels."""
    end = len(text) if end is None else end
    out = []
    for m in LEVEL_RE.finditer(text, start, end):
        r = m.group("r").lower()
        n = int(m.group("n"))
        if (r == "c" and n > 8) or (r == "l" and n > 5) or (r == "s" and n > 5):
            continue
        regions = {_REGION_OF[r]}
        if m.group("r2"):
            regions.add(_REGION_OF[m.group("r2").lower()])
        out.append(Level(frozenset(regions), m.start(), m.end()))
    return out


def duration_between(start: dt.date, end: dt.date) -> float:
    return float((end - start).days)


@dataclass
class ReadValue:
    """A value read next to a mention: the raw (request-JSON) form, its span and a note."""

    raw: object
    start: int
    end: int
    notes: list[str] = field(default_factory=list)
