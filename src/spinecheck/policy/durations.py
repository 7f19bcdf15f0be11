"""Durations and calendar arithmetic shared by the loader (thresholds in policy data), the
request validator (facts given as text) and the engine (comparisons against the request date)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

# Lengths in days. A month is the mean Gregorian month so that "5 months 3 weeks" is less than
# "6 months" and "6 weeks" is exactly 42 days; date comparisons use calendar months instead.
DAYS_PER_UNIT = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 365.2425 / 12,
    "year": 365.2425,
}
_UNIT_ALIASES = {
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "d": "day", "day": "day", "days": "day",
    "w": "week", "wk": "week", "wks": "week", "week": "week", "weeks": "week",
    "mo": "month", "mos": "month", "month": "month", "months": "month",
    "y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year",
}
_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*(?:,|and)?")
_ONE_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*")  # "6 weeks": the usual form
_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?)?$")


class DurationError(ValueError):
    pass


def parse_duration(text: str) -> tuple[float, dict[str, float]]:
    """Parse "6 weeks", "5 months 3 weeks", "24 hours" or ISO 8601 "P6W".

    Returns the length in days and the parts by unit (for calendar arithmetic)."""
    if isinstance(text, str):  # the usual form first: one number and a known unit
        one = _ONE_PART.fullmatch(text)
        if one is not None:
            unit = _UNIT_ALIASES.get(one.group(2).lower())
            if unit is not None:
                amount = float(one.group(1))
                return DAYS_PER_UNIT[unit] * amount, ({unit: amount} if amount else {})
    return _parse_any(text)


def _parse_any(text: str) -> tuple[float, dict[str, float]]:
    """``parse_duration`` for every accepted form (and the errors)."""
    if not isinstance(text, str) or not text.strip():
        raise DurationError("expected a duration such as '6 weeks' or 'P6W'")
    raw = text.strip()
    iso = _ISO.match(raw.upper())
    if iso and raw.upper() != "P":
        years, months, weeks, days, hours = (float(g) if g else 0.0 for g in iso.groups())
        parts = {"year": years, "month": months, "week": weeks, "day": days, "hour": hours}
    else:
        parts = {}
        pos = 0
        while pos < len(raw):
            m = _PART.match(raw, pos)
            if not m or m.end() == pos:
                raise DurationError(
                    f"cannot read '{raw}' as a duration; write e.g. '6 weeks', '5 months 3 weeks', 'P6W'"
                )
            unit = _UNIT_ALIASES.get(m.group(2).lower())
            if unit is None:
                raise DurationError(
                    f"unknown unit '{m.group(2)}' in '{raw}'; use hours, days, weeks, months or years"
                )
            parts[unit] = parts.get(unit, 0.0) + float(m.group(1))
            pos = m.end()
    days = sum(DAYS_PER_UNIT[u] * n for u, n in parts.items())
    return days, {u: n for u, n in parts.items() if n}


def duration_days(text: str) -> float:
    return parse_duration(text)[0]


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic; the 31st minus one month is the last day of the month before."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def date_minus(day: dt.date, parts: dict[str, float]) -> dt.datetime:
    """``day`` (taken at its start) minus a duration, with calendar years and months.

    Fractional months or years fall back to mean lengths in days."""
    whole_months = 0
    extra_days = 0.0
    for unit, amount in parts.items():
        if unit in ("year", "month"):
            months = amount * (12 if unit == "year" else 1)
            whole = int(months)
            whole_months += whole
            extra_days += (months - whole) * DAYS_PER_UNIT["month"]
        else:
            extra_days += amount * DAYS_PER_UNIT[unit]
    shifted = add_months(day, -whole_months)
    return dt.datetime.combine(shifted, dt.time()) - dt.timedelta(days=extra_days)


def completed_years(birth: dt.date, on: dt.date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def completed_months(birth: dt.date, on: dt.date) -> int:
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if on.day < birth.day:
        months -= 1
    return months
