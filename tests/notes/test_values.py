"""Value parsers: durations, dates, pain scores, strength and reflex grades, levels, ages."""

from __future__ import annotations

import datetime as dt

import pytest

from spinecheck.notes import values as V

ON = dt.date(2026, 10, 1)


def durations(text):
    return [(d.raw, d.days, ago) for d, ago in V.find_durations(text)]


@pytest.mark.parametrize("text, raw, days", [
    ("PT x 8 wks", "8 weeks", 56),
    ("for three months", "3 months", 3 * 365.2425 / 12),
    ("x6wk", "6 weeks", 42),
    ("6/52", "6 weeks", 42),
    ("six-week course", "6 weeks", 42),
    ("a month and a half", "1.5 months", 1.5 * 365.2425 / 12),
    ("2 months and 1 week", "2 months 1 week", 2 * 365.2425 / 12 + 7),
    ("over the past 2 months", "2 months", 2 * 365.2425 / 12),
    ("for 10 days", "10 days", 10),
])
def test_duration_forms(text, raw, days):
    found = durations(text)
    assert found and found[0][0] == raw and found[0][1] == pytest.approx(days)


def test_duration_range_takes_the_lower_bound_and_says_so():
    (d, _), = V.find_durations("approx 6-8 wks")
    assert d.raw == "6 weeks" and "lower bound" in d.note


def test_almost_is_one_day_short_and_less_than_is_no_value():
    (d, _), = V.find_durations("almost 6 weeks")
    assert d.days == 41
    assert V.find_durations("less than 6 weeks") == []


def test_frequencies_are_not_durations():
    assert durations("3 times a week for 6 weeks") == [("6 weeks", 42.0, False)]
    assert durations("2x/wk x 8 wks")[0][0] == "8 weeks"


@pytest.mark.parametrize("text", ["one session of PT a week for 7 weeks", "a visit a week x 7 weeks"])
def test_a_rate_followed_by_the_length_is_not_a_duration(text):
    assert [d.raw for d, _ in V.find_durations(text)] == ["7 weeks"]


def test_ago_is_marked():
    assert durations("started 3 weeks ago") == [("3 weeks", 21.0, True)]


def dates(text, on=ON):
    return [(d.earliest, d.latest, d.precision) for d in V.find_dates(text, on)]


@pytest.mark.parametrize("text, day", [
    ("on 08/15/2026", dt.date(2026, 8, 15)),
    ("2026-08-15", dt.date(2026, 8, 15)),
    ("Aug 5, 2026", dt.date(2026, 8, 5)),
    ("since August 24", dt.date(2026, 8, 24)),
    ("seen on 9/28", dt.date(2026, 9, 28)),
    ("yesterday", dt.date(2026, 9, 30)),
    ("2 weeks ago", dt.date(2026, 9, 17)),
])
def test_exact_dates(text, day):
    assert dates(text)[0][:2] == (day, day)


def test_month_and_year_precision_and_the_most_recent_occurrence():
    assert dates("since August") == [(dt.date(2026, 8, 1), dt.date(2026, 8, 31), "month")]
    assert dates("in November") == [(dt.date(2025, 11, 1), dt.date(2025, 11, 30), "month")]
    assert dates("in 2019") == [(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year")]
    assert dates("early September")[0][1] == dt.date(2026, 9, 10)


@pytest.mark.parametrize("text, earliest, latest", [
    ("PT in the spring", dt.date(2026, 3, 1), dt.date(2026, 5, 31)),
    ("during the summer", dt.date(2026, 6, 1), dt.date(2026, 8, 31)),
    ("this past winter", dt.date(2025, 12, 1), dt.date(2026, 2, 28)),
    ("in the fall", dt.date(2026, 9, 1), dt.date(2026, 10, 1)),  # under way on the request date: cut there
    ("last fall", dt.date(2025, 9, 1), dt.date(2025, 11, 30)),  # said during the autumn: the one before
    ("the autumn of 2024", dt.date(2024, 9, 1), dt.date(2024, 11, 30)),
    ("fall 2025", dt.date(2025, 9, 1), dt.date(2025, 11, 30)),
    ("winter of 2026", dt.date(2025, 12, 1), dt.date(2026, 2, 28)),
])
def test_seasons_are_dates_known_to_three_months(text, earliest, latest):
    assert dates(text) == [(earliest, latest, "month")]


@pytest.mark.parametrize("text", ["pain since the fall", "after a fall at home", "a spring-loaded brace", "summer camp"])
def test_a_fall_and_other_season_words_without_a_season_are_not_dates(text):
    assert dates(text) == []


def test_scores_and_grades_are_not_dates():
    assert dates("pain 9/10, EHL 4/5") == []
    assert dates("she may need PT") == []


def test_pain_scores():
    found = V.find_pain("pain 9/10; leg 8-9/10; VAS 7")
    assert [n.value for n in found] == [9, 8, 7]
    assert "lower bound" in found[1].note


def test_strength_grades():
    found = V.find_strength("EHL 4-/5, DF 3/5, quad 4+/5, 5/5 elsewhere; pain 9/10")
    assert [n.value for n in found] == [3.5, 3, 4.25, 5]
    assert "below 4" in found[0].note


def test_reflex_grades():
    assert [n.value for n in V.find_reflex("patellar 2+, Achilles absent, biceps 1+, 3+ brisk")] == [2, 0, 1, 3, 3]


def test_levels_map_to_regions():
    found = V.find_levels("L4-5, L5-S1, C5/6, T12, S1 root, C9")
    assert [sorted(lv.regions) for lv in found] == [["lumbar"], ["lumbar"], ["cervical"], ["thoracic"], ["lumbar"]]


def test_ages():
    assert [n.value for n in V.find_ages("58-year-old woman; 62M; age 45; 45 yo")] == [58, 45, 45]


@pytest.mark.parametrize("text, days", [
    ("more than 24 hours", 1 + 1 / 24),  # an hour more: no longer "24 hours or less"
    ("just over a day", 1 + 1 / 24),
    ("more than 6 weeks", 42),  # a longer span keeps its stated lower bound
    ("just shy of 6 weeks", 41),
    ("a few days short of 6 weeks", 41),
    ("6 weeks minus a few days", 41),
    ("6 weeks less 2 days", 40),
    ("a week minus a day", 6),
])
def test_qualified_durations_are_on_the_right_side_of_the_stated_length(text, days):
    assert [round(d.days, 4) for d, _ in V.find_durations(text)] == [round(days, 4)]


@pytest.mark.parametrize("text, day", [
    ("more than 6 months ago", dt.date(2026, 3, 31)),
    ("just over 3 months ago", dt.date(2026, 6, 30)),
    ("almost 3 years ago", dt.date(2023, 10, 2)),
    ("less than 3 years ago", dt.date(2023, 10, 2)),
    ("6 months and 2 weeks ago", dt.date(2026, 3, 17)),
    ("a year and a month ago", dt.date(2025, 9, 1)),
])
def test_qualified_and_compound_ago_dates(text, day):
    assert dates(text)[0][:2] == (day, day)


@pytest.mark.parametrize("text, score", [("nearly 9/10", 8.5), ("close to 9/10", 8.5), ("8.9/10", 8.9), ("pain 9/10", 9)])
def test_pain_scores_nearly_and_decimals(text, score):
    assert [n.value for n in V.find_pain(text)] == [score]


def test_a_plus_grade_is_above_the_grade():
    assert [n.value for n in V.find_strength("EHL 3+/5")] == [3.25]


def test_an_ago_range_is_a_span_not_a_day():
    assert dates("2-3 years ago") == [(dt.date(2023, 10, 1), dt.date(2024, 10, 1), "relative")]
    assert dates("2 to 3 years ago")[0][:2] == (dt.date(2023, 10, 1), dt.date(2024, 10, 1))
