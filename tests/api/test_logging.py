"""Log lines carry ids, outcomes and timings; never note text, patient data or request bodies."""

from __future__ import annotations

import logging
import re

import pytest

from .conftest import APPROVE, Service, request

NOTE_MARKER = "Zebulon-Quartzfield-7731"
BIRTH = "1931-02-03"


def test_no_note_text_or_patient_data_in_logs(service: Service, caplog: pytest.LogCaptureFixture) -> None:
    note = f"Patient {NOTE_MARKER} reports six weeks of low back pain despite physical therapy. " * 5
    caplog.set_level(logging.DEBUG)  # everything, from every logger (SQLAlchemy, alembic, uvicorn, ours)
    good = request(APPROVE, id="log-1", note=note, patient={"birth_date": BIRTH, "sex": "female"})
    r = service.post(good, idem="log-idem-1")
    assert r.status_code == 201, r.text
    det = r.json()["determinations"][0]["id"]
    service.post(good, idem="log-idem-1")  # idempotent retry
    service.client.get(f"/v1/determinations/{det}", headers=service.auth())
    service.client.post(f"/v1/determinations/{det}/replay", headers=service.auth("reviewer"))
    bad = request(good, cpt="bad!")  # 422
    assert service.post(bad).status_code == 422
    assert service.post(request(good, facts={f"fact_{NOTE_MARKER}": True})).status_code == 422
    assert service.post(request(good, id=f"x{NOTE_MARKER}", note="y" * 300_000)).status_code == 413
    assert service.post(request(good, cpt="72158"), idem="log-idem-1").status_code == 409

    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert NOTE_MARKER not in text
    assert BIRTH not in text
    assert "physical therapy" not in text
    # the request lines are there, with ids and timings
    lines = [r.getMessage() for r in caplog.records if r.name == "spinecheck.api"]
    assert any(re.search(rf"route=/v1/determinations status=201 ms=[0-9.]+ key_id=key_\w+ .*determinations={det}", line)
               for line in lines), lines
    assert any("status=422" in line and "error_code=" in line for line in lines)
    assert any("status=413" in line for line in lines)
