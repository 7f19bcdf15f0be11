"""The command line: outputs, NDJSON handling and every bad-input path (one line, exit 2)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from spinecheck.cli import app
from tests.conftest import base_request

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def write(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content)
    return str(path)


def test_evaluate_json_one_request(tmp_path):
    path = write(tmp_path, "r.json", json.dumps(base_request()))
    result = run("evaluate", path, "--json")
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout.strip())
    assert d["request_id"] == "req-1"
    assert d["outcome"] == "approve"
    assert d["guideline"] == "SP-5.1"


def test_evaluate_human_output_says_not_met_is_a_referral(tmp_path):
    req = base_request(facts={"provider_directed_treatment_duration": "5 weeks 6 days"})
    result = run("evaluate", write(tmp_path, "r.json", json.dumps(req)))
    assert result.exit_code == 0, result.output
    assert "NOT MET - refer to physician reviewer" in result.stdout
    assert "never denies" in result.stdout


def test_ndjson_keeps_input_order_and_reports_bad_lines(tmp_path):
    good = base_request()
    lines = [
        json.dumps({**good, "id": "a"}),
        "{not json",
        json.dumps({**good, "id": "b", "policy": "nope"}),
        json.dumps({**good, "id": "c", "cpt": "72158"}),
    ]
    result = run("evaluate", write(tmp_path, "r.ndjson", "\n".join(lines) + "\n"), "--json")
    assert result.exit_code == 2
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r.get("request_id") for r in records] == ["a", None, "b", "c"]
    assert records[0]["outcome"] == "approve"
    assert records[1]["line"] == 2 and records[1]["code"] == "invalid_json"
    assert records[2]["line"] == 3 and records[2]["code"] == "unknown_policy"
    assert records[3]["outcome"] == "not_met" and records[3]["suggested_cpt"] == ["72148"]


def test_stdin(tmp_path):
    result = run("evaluate", "-", "--json", input=json.dumps(base_request()) + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"] == "approve"


def test_policy_override_all_gives_one_determination_per_governing_policy(tmp_path):
    path = write(tmp_path, "r.json", json.dumps(base_request(cpt="72131")))
    result = run("evaluate", path, "--json", "--policy", "all")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["policy"]["id"] for line in result.stdout.strip().splitlines()]
    assert "evicore-spine-2026" in ids


@pytest.mark.parametrize(("request_patch", "where", "fragment"), [
    ({"policy": "acme-2027"}, "policy", "unknown policy 'acme-2027'"),
    ({"cpt": "99213"}, "cpt", "not an imaging code any bundled policy knows"),
    ({"cpt": "ABC"}, "cpt", "5-character CPT/HCPCS code"),
    ({"date": "2026-13-01"}, "date", "YYYY-MM-DD"),
    ({"patient": {"birth_date": "2027-01-01", "sex": "female"}}, "patient.birth_date", "after the request date"),
    ({"patient": {"birth_date": "1970-01-01", "sex": "f"}}, "patient.sex", "female, male, other, unknown"),
    ({"facts": {"in_person_eval": True}}, "facts.in_person_eval", "unknown fact 'in_person_eval'"),
    ({"facts": {"red_flags_absent": "yes"}}, "facts.red_flags_absent", "give true, false or null"),
    ({"facts": {"provider_directed_treatment_duration": "six wks"}}, "facts.provider_directed_treatment_duration", "duration"),
    ({"facts": {"symptom_regions": ["neck"]}}, "facts.symptom_regions", "does not allow neck"),
    ({"facts": {"patient_age": 40}}, "facts.patient_age", "derived from the request"),
    ({"extra": 1}, "extra", "not a request field"),
    ({"icd10": ["lumbago"]}, "icd10.0", "must be an ICD-10-CM code such as M54.50"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, request_patch, where, fragment):
    req = base_request()
    if "facts" in request_patch:
        req["facts"] = {**req["facts"], **request_patch.pop("facts")}
    req.update(request_patch)
    result = run("evaluate", write(tmp_path, "r.json", json.dumps(req)))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert where in message and fragment in message, message


def test_missing_field(tmp_path):
    req = base_request()
    del req["patient"]
    result = run("evaluate", write(tmp_path, "r.json", json.dumps(req)))
    assert result.exit_code == 2
    assert "patient: is required" in result.stderr


def test_invalid_json_file(tmp_path):
    result = run("evaluate", write(tmp_path, "r.json", "{\"id\": 1,,}"))
    assert result.exit_code == 2
    assert "invalid JSON at line 1" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_and_empty_input(tmp_path):
    result = run("evaluate", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = run("evaluate", write(tmp_path, "e.ndjson", "\n\n"))
    assert result.exit_code == 2 and "no requests" in result.stderr


def test_error_messages_never_echo_patient_values(tmp_path):
    req = base_request(facts={"red_flags_absent": "Jane Doe said yes"})
    result = run("evaluate", write(tmp_path, "r.json", json.dumps(req)))
    assert result.exit_code == 2
    assert "Jane Doe" not in result.output


def test_policies_and_show_and_lint():
    result = run("policies")
    assert result.exit_code == 0 and "evicore-spine-2026" in result.stdout
    result = run("policy", "show", "evicore-spine-2026", "SP-5.1")
    assert result.exit_code == 0
    assert "sp5-1-mri" in result.stdout and "(SP-1.0)" in result.stdout
    result = run("policy", "show", "evicore-spine-2026", "SP-99")
    assert result.exit_code == 2 and "no section 'SP-99'" in result.stderr
    result = run("policy", "lint")
    assert result.exit_code == 0, result.output


def test_schema_command_prints_json_schemas():
    result = run("schema")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"request", "determination", "error"}
    assert doc["determination"]["properties"]["outcome"]["enum"] == ["approve", "not_met", "pend", "out_of_scope"]
    assert run("schema", "nope").exit_code == 2


def test_facts_command_lists_questions():
    result = run("facts", "--group", "evaluation")
    assert result.exit_code == 0
    assert "in_person_evaluation_current_episode" in result.stdout


def test_store_option_keeps_determinations_with_a_verifiable_audit_chain(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    path = write(tmp_path, "r.ndjson", json.dumps(base_request()) + "\n" + json.dumps(base_request(id="req-2")) + "\n")
    result = run("evaluate", path, "--json", "--store", "--database-url", url)
    assert result.exit_code == 0, result.output
    assert "stored 2 determination(s)" in result.stderr
    result = run("audit", "verify", "--database-url", url)
    assert result.exit_code == 0, result.output
    assert "2 determinations match" in result.stdout


def test_version_says_which_criteria_steps_run(monkeypatch):
    monkeypatch.setenv("SPINECHECK_ENGINE", "python")
    result = run("version", "--engine")
    assert result.exit_code == 0, result.output
    version, engine = result.stdout.strip().splitlines()
    assert version.count(".") == 2
    assert engine == "criteria steps: python (SPINECHECK_ENGINE=python)"
    assert run("version").stdout.strip() == version  # scripts reading the version get one line


def test_a_misspelt_engine_setting_is_one_line_naming_it(monkeypatch, tmp_path):
    import importlib

    monkeypatch.setenv("SPINECHECK_ENGINE", "fortran")
    result = run("version", "--engine")
    assert result.exit_code == 2
    assert "SPINECHECK_ENGINE: must be one of native, python" in result.output
    assert "Traceback" not in result.output
    # evaluating (policies compiled anew): an error record per request, nothing evaluated wrongly
    monkeypatch.setattr(importlib.import_module("spinecheck.engine.determine"), "_COMPILED", {})
    path = write(tmp_path, "r.ndjson", json.dumps(base_request()) + "\n")
    result = run("evaluate", path, "--json")
    assert result.exit_code == 2
    record = json.loads(result.stdout.strip())
    assert (record["code"], record["where"], record["request_id"]) == ("bad_setting", "SPINECHECK_ENGINE", "req-1")
    assert "Traceback" not in result.output
