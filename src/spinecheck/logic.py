"""Kleene three-valued logic, and nothing else.

A truth value is ``True``, ``False`` or ``None`` (unknown). Every combinator of the engine
delegates here, so the whole semantics of "unknown is not false" lives in this file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

Tri = Optional[bool]

TRUE: Tri = True
FALSE: Tri = False
UNKNOWN: Tri = None


def all_of(values: Iterable[Tri]) -> Tri:
    """False if any input is false, else unknown if any is unknown, else true."""
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def any_of(values: Iterable[Tri]) -> Tri:
    """True if any input is true, else unknown if any is unknown, else false."""
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def not_(value: Tri) -> Tri:
    """Negation; unknown stays unknown."""
    return None if value is None else not value


def at_least(n: int, values: Iterable[Tri]) -> Tri:
    """True if at least ``n`` inputs are true; false if even making every unknown true cannot
    reach ``n``; unknown otherwise."""
    true_count = 0
    unknown_count = 0
    for value in values:
        if value is True:
            true_count += 1
        elif value is None:
            unknown_count += 1
    if true_count >= n:
        return True
    if true_count + unknown_count < n:
        return False
    return None


def label(value: Tri) -> str:
    """The word a reviewer reads for a truth value."""
    if value is True:
        return "met"
    if value is False:
        return "not_met"
    return "unknown"
