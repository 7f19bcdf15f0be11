"""Command-line output keeps tables readable when piped: rich's 80-column default is replaced by a
wide page, and COLUMNS still decides when given."""

from __future__ import annotations

import io

import pytest

from spinecheck.console import PIPE_WIDTH, make_console


def test_piped_output_uses_a_wide_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert make_console().width == PIPE_WIDTH


def test_columns_overrides_the_page_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert make_console().width == 100


def test_stderr_console_writes_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    console = make_console(stderr=True)
    console.print("one line")
    import sys
    assert sys.stderr.getvalue() == "one line\n"
