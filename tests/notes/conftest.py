from __future__ import annotations

import datetime as dt

import pytest

from spinecheck.notes import extract

ON = dt.date(2026, 10, 1)


@pytest.fixture
def read():
    """Facts (name -> normalized value) read from a text as of 2026-10-01."""

    def run(text: str, on: dt.date = ON, region: str | None = None) -> dict:
        return dict(extract(text, on, region=region).facts.values)

    return run
