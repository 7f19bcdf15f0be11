"""Kleene truth tables and properties of the three-valued combinators."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinecheck import logic

T, F, U = True, False, None
VALUES = [T, F, U]


@pytest.mark.parametrize(("a", "b", "expected"), [
    (T, T, T), (T, F, F), (T, U, U),
    (F, T, F), (F, F, F), (F, U, F),
    (U, T, U), (U, F, F), (U, U, U),
])
def test_and_table(a, b, expected):
    assert logic.all_of([a, b]) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    (T, T, T), (T, F, T), (T, U, T),
    (F, T, T), (F, F, F), (F, U, U),
    (U, T, T), (U, F, U), (U, U, U),
])
def test_or_table(a, b, expected):
    assert logic.any_of([a, b]) is expected


@pytest.mark.parametrize(("a", "expected"), [(T, F), (F, T), (U, U)])
def test_not_table(a, expected):
    assert logic.not_(a) is expected


@pytest.mark.parametrize(("n", "values", "expected"), [
    (2, [T, T, F], T),
    (2, [T, F, F], F),
    (2, [T, U, F], U),
    (2, [U, U, F], U),
    (2, [U, F, F], F),
    (3, [T, T, U], U),
    (1, [F, F, F], F),
    (1, [U, U, T], T),
])
def test_at_least_table(n, values, expected):
    assert logic.at_least(n, values) is expected


def test_empty_all_is_true_and_empty_any_is_false():
    assert logic.all_of([]) is True
    assert logic.any_of([]) is False


def test_labels():
    assert [logic.label(v) for v in VALUES] == ["met", "not_met", "unknown"]


def _refinements(values):
    """Every way of answering the unknowns."""
    unknown = [i for i, v in enumerate(values) if v is None]
    for answer in itertools.product([True, False], repeat=len(unknown)):
        out = list(values)
        for i, a in zip(unknown, answer):
            out[i] = a
        yield out


tri = st.sampled_from(VALUES)


@given(st.lists(tri, min_size=1, max_size=5), st.integers(min_value=1, max_value=5))
def test_decided_results_never_change_when_unknowns_are_answered(values, n):
    """Soundness: a true/false result holds for every answer to the unknowns, and an unknown
    result means some answers give true and others false."""
    for combine in (logic.all_of, logic.any_of, lambda v: logic.at_least(n, v)):
        result = combine(values)
        outcomes = {combine(r) for r in _refinements(values)}
        if result is None:
            assert outcomes == {True, False}
        else:
            assert outcomes == {result}


@given(st.lists(tri, min_size=1, max_size=5))
def test_de_morgan(values):
    assert logic.not_(logic.all_of(values)) is logic.any_of([logic.not_(v) for v in values])
