"""``spinecheck extract``: human and JSON output, and every bad-input path (one line, exit 2)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from spinecheck.cli import app
from spinecheck.models import MAX_NOTE_CHARS

runner = CliRunner()
NOTE = "Seen in clinic today. Low back pain. PT x 8 wks without improvement. No red flags."


def write(tmp_path, data: bytes):
    p = tmp_path / "note.txt"
    p.write_bytes(data)
    return str(p)


def test_json_output_has_facts_with_evidence(tmp_path):
    r = runner.invoke(app, ["extract", write(tmp_path, NOTE.encode()), "--date", "2026-10-01", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    facts = {f["fact"]: f for f in doc["facts"]}
    assert facts["provider_directed_treatment_duration"]["raw"] == "8 weeks"
    assert facts["provider_directed_treatment_duration"]["value"] == 56.0
    assert facts["red_flags_absent"]["evidence"][0]["assertion"] == "negated"
    assert doc["conflicts"] == []


def test_human_output_is_a_table(tmp_path):
    r = runner.invoke(app, ["extract", write(tmp_path, NOTE.encode()), "--date", "2026-10-01"])
    assert r.exit_code == 0
    assert "treatment_failed_to_improve" in r.stdout


def test_conflicts_are_shown(tmp_path):
    note = b"ROS: no saddle anesthesia. Exam: saddle anesthesia present."
    r = runner.invoke(app, ["extract", write(tmp_path, note), "--date", "2026-10-01"])
    assert "conflict" in r.stdout and "saddle_anesthesia" in r.stdout


@pytest.mark.parametrize("data, words", [
    (b"a\x00b", "NUL bytes"),
    (b"\xff\xfe", "not UTF-8"),
    (b"x\x07y", "control character"),
    (b"a" * (MAX_NOTE_CHARS + 1), "MAX_NOTE_CHARS"),
])
def test_bad_files_are_one_line_exit_2(tmp_path, data, words):
    r = runner.invoke(app, ["extract", write(tmp_path, data), "--date", "2026-10-01"])
    assert r.exit_code == 2
    assert words in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_date_and_missing_file(tmp_path):
    r = runner.invoke(app, ["extract", write(tmp_path, b"x"), "--date", "2026-13-01"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr
    r = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--date", "2026-10-01"])
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_empty_note_is_fine(tmp_path):
    r = runner.invoke(app, ["extract", write(tmp_path, b"  \n "), "--date", "2026-10-01", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == {"facts": [], "conflicts": []}
