"""The HTTP API through a real client, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from spinecheck.models import REVIEWER_NOTICE
from spinecheck.policy import load_policy, policy_ids
from spinecheck.review import review_data
from spinecheck.store import persist_determinations
from spinecheck.store.tables import AuditEventRow, DeterminationRow, SubmissionRow

from .conftest import APPROVE, SILENT, Service, request

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code", "field"}


def uid() -> str:
    return uuid.uuid4().hex[:12]


def assert_problem(response: Any, status: int, code: str | None = None, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    doc = response.json()
    assert set(doc) == PROBLEM_KEYS
    assert doc["status"] == status and doc["type"] == f"urn:spinecheck:problem:{doc['code']}"
    assert doc["instance"] == f"urn:spinecheck:request:{response.headers['x-request-id']}"
    assert "Traceback" not in response.text
    if code is not None:
        assert doc["code"] == code, doc
    if field is not None:
        assert doc["field"] == field, doc
    return doc


def shared_codes() -> list[str]:
    policies = [load_policy(p) for p in policy_ids()]
    return sorted(c for c in policies[0].codes if sum(p.governs(c) for p in policies) >= 2)


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("body", [APPROVE, SILENT], ids=["approve", "pend"])
def test_structured_request_is_stored_with_the_outcome_review_data_gives(service: Service, body: dict[str, Any]) -> None:
    body = request(body, id=f"req-{uid()}")
    expected = review_data(body)
    r = service.post(body)
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["idempotent_replay"] is False and doc["reviewer_notice"] == REVIEWER_NOTICE
    [stored] = doc["determinations"]
    assert stored["determination"] == expected[0]
    assert stored["outcome"] == expected[0]["outcome"] and stored["guideline"] == expected[0]["guideline"]
    assert stored["requester"] == service.key_ids["submitter"]
    assert stored["policy"] == expected[0]["policy"] and stored["engine_version"] == expected[0]["engine_version"]
    assert r.headers["location"] == f"/v1/determinations/{stored['id']}"

    got = service.client.get(r.headers["location"], headers=service.auth())
    assert got.status_code == 200
    assert got.json()["request"] == body
    assert got.json()["determination"] == expected[0]
    with service.store.read() as s:
        row = s.get(DeterminationRow, s.scalar(select(DeterminationRow.seq).where(DeterminationRow.id == stored["id"])))
        assert json.loads(row.request_json) == body and json.loads(row.result_json) == expected[0]
        assert (row.policy_id, row.policy_hash, row.outcome, row.cpt, row.requester_key_id) == (
            expected[0]["policy"]["id"], expected[0]["policy"]["hash"], expected[0]["outcome"], body["cpt"],
            service.key_ids["submitter"])
        kinds = list(s.scalars(select(AuditEventRow.kind).where(AuditEventRow.subject == stored["id"]).order_by(AuditEventRow.n)))
    assert kinds == ["determination.created", "determination.viewed"]


def test_policy_all_stores_one_determination_per_governing_policy(service: Service) -> None:
    codes = shared_codes()
    if not codes:
        pytest.skip("no code is governed by two bundled policies")
    body = request(APPROVE, id=f"all-{uid()}", policy="all", cpt=codes[0])
    expected = review_data(body)
    r = service.post(body)
    assert r.status_code == 201, r.text
    dets = r.json()["determinations"]
    assert len(dets) == len(expected) >= 2
    assert [d["determination"] for d in dets] == expected
    assert len({d["id"] for d in dets}) == len(dets) and len({d["submission_id"] for d in dets}) == 1
    for d in dets:  # each stored request names the policy it was evaluated under
        got = service.client.get(f"/v1/determinations/{d['id']}", headers=service.auth()).json()
        assert got["request"]["policy"] == d["policy"]["id"]


def test_submitters_see_only_their_own_reviewers_see_all(service: Service) -> None:
    mine = service.post(request(id=f"own-{uid()}")).json()["determinations"][0]["id"]
    theirs = service.post(request(id=f"other-{uid()}"), who="submitter2").json()["determinations"][0]["id"]
    assert service.client.get(f"/v1/determinations/{mine}", headers=service.auth()).status_code == 200
    assert_problem(service.client.get(f"/v1/determinations/{theirs}", headers=service.auth()), 404, "unknown_determination")
    for det in (mine, theirs):
        assert service.client.get(f"/v1/determinations/{det}", headers=service.auth("reviewer")).status_code == 200
    assert_problem(service.client.get(f"/v1/determinations/{mine}", headers=service.auth("admin")), 403, "forbidden_role")
    listed = service.client.get("/v1/determinations?limit=200", headers=service.auth()).json()["items"]
    assert {i["requester"] for i in listed} == {service.key_ids["submitter"]}


def test_authentication_and_roles(service: Service) -> None:
    body = request(id=f"auth-{uid()}")
    assert_problem(service.client.post("/v1/determinations", json=body), 401, "missing_api_key", "Authorization")
    r = service.client.post("/v1/determinations", json=body, headers={"Authorization": "Bearer sck_nope_nope"})
    assert_problem(r, 401, "invalid_api_key")
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert_problem(service.client.get("/v1/policies", headers={"Authorization": "Basic abc"}), 401, "missing_api_key")
    assert_problem(service.post(body, who="reviewer"), 403, "forbidden_role")
    assert_problem(service.post(body, who="admin"), 403, "forbidden_role")
    det = service.post(body).json()["determinations"][0]["id"]
    assert_problem(service.client.post(f"/v1/determinations/{det}/replay", headers=service.auth()), 403)
    assert_problem(service.client.get("/v1/apikeys", headers=service.auth("reviewer")), 403)
    for path in ("/healthz", "/readyz"):
        assert service.client.get(path).status_code == 200


def test_revoked_key_is_refused(service: Service) -> None:
    token = service.add_key(f"temp-{uid()}", "submitter")
    key_id = token.split("_")[1]
    headers = {"Authorization": f"Bearer {token}"}
    assert service.client.get("/v1/policies", headers=headers).status_code == 200
    r = service.client.post(f"/v1/apikeys/key_{key_id}/revoke", headers=service.auth("admin"))
    assert r.status_code == 200 and r.json()["revoked_at"]
    assert_problem(service.client.get("/v1/policies", headers=headers), 401, "invalid_api_key")


def test_api_keys_over_http_for_admins(service: Service) -> None:
    r = service.client.post("/v1/apikeys", json={"name": "portal", "role": "reviewer"}, headers=service.auth("admin"))
    assert r.status_code == 201
    created = r.json()
    assert created["token"].startswith("sck_") and created["role"] == "reviewer"
    listed = service.client.get("/v1/apikeys", headers=service.auth("admin")).json()["items"]
    assert created["id"] in {k["id"] for k in listed}
    assert all("token" not in k for k in listed) and created["token"] not in json.dumps(listed)
    with service.store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEventRow).where(
            AuditEventRow.subject == created["id"], AuditEventRow.kind == "apikey.created")) == 1
    assert_problem(service.client.post("/v1/apikeys", json={"name": "x", "role": "root"}, headers=service.auth("admin")),
                   422, field="role")
    assert_problem(service.client.post("/v1/apikeys/key_000000000000/revoke", headers=service.auth("admin")), 404)


# ---------------------------------------------------------------------------------------------
def test_idempotency_key_returns_the_stored_submission(service: Service) -> None:
    body, key = request(id=f"idem-{uid()}"), f"idem-{uid()}"
    first = service.post(body, idem=key)
    again = service.post(body, idem=key)
    assert first.status_code == 201 and again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true" and again.json()["idempotent_replay"] is True
    assert again.json()["determinations"] == first.json()["determinations"]
    # key order does not make a different body
    reordered = dict(reversed(list(body.items())))
    assert service.post(reordered, idem=key).json()["submission_id"] == first.json()["submission_id"]
    # another requester's identical key is its own namespace
    other = service.post(body, who="submitter2", idem=key)
    assert other.status_code == 201 and other.json()["submission_id"] != first.json()["submission_id"]
    # the same key with another body is a conflict, and stores nothing
    assert_problem(service.post(request(body, cpt="72158"), idem=key), 409, "idempotency_conflict", "Idempotency-Key")
    with service.store.read() as s:
        n = s.scalar(select(func.count()).select_from(SubmissionRow).where(SubmissionRow.idempotency_key == key))
    assert n == 2
    assert_problem(service.post(body, idem="has space"), 422, field="Idempotency-Key")
    assert_problem(service.post(body, idem="x" * 256), 422, field="Idempotency-Key")


@pytest.mark.parametrize("body, field, words", [
    ({**APPROVE, "cpt": "7214"}, "cpt", "5-character"),
    ({**APPROVE, "date": "01/10/2026"}, "date", "YYYY-MM-DD"),
    ({**APPROVE, "patient": {"birth_date": "1970-01-01", "sex": "f"}}, "patient.sex", "female, male"),
    ({**APPROVE, "patient": {"sex": "male"}}, "patient.birth_date", "required"),
    ({**APPROVE, "colour": "blue"}, "colour", "not a request field"),
    ({**APPROVE, "policy": "no-such-policy"}, "policy", "known policies"),
    ({**APPROVE, "facts": {"no_such_fact": True}}, "facts.no_such_fact", "no_such_fact"),
    ({**APPROVE, "id": "a\u0000b"}, "id", "control characters"),
    ([APPROVE], "request", "JSON object"),
])
def test_validation_errors_name_the_field(service: Service, body: Any, field: str, words: str) -> None:
    doc = assert_problem(service.post(body), 422, field=field)
    assert words in doc["detail"]


@pytest.mark.parametrize("raw, words", [
    (b"{not json", "invalid JSON at line 1"),
    (b"", "body is empty"),
    (b'{"id": NaN}', "NaN"),
    (b'{"id": "\\ud800"}', "surrogate"),
    (b"\xff\xfe\x00garbage", "JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
])
def test_malformed_bodies_are_422(service: Service, raw: bytes, words: str) -> None:
    r = service.client.post("/v1/determinations", content=raw,
                            headers=service.auth(**{"Content-Type": "application/json"}))
    doc = assert_problem(r, 422, field="request")
    assert words.lower() in doc["detail"].lower() or words in doc["code"]


def test_wrong_media_type_is_415(service: Service) -> None:
    r = service.client.post("/v1/determinations", content=json.dumps(APPROVE),
                            headers=service.auth(**{"Content-Type": "text/plain"}))
    assert_problem(r, 415, "unsupported_media_type", "Content-Type")


def test_body_limit_applies_to_declared_and_chunked_bodies(service: Service) -> None:
    limit = service.settings.max_body_bytes
    big = request(id=f"big-{uid()}", note="x" * (limit + 10))
    assert_problem(service.post(big), 413, "body_too_large")

    def chunks():
        data = json.dumps(big).encode()
        for i in range(0, len(data), 16384):
            yield data[i:i + 16384]

    r = service.client.post("/v1/determinations", content=chunks(),
                            headers=service.auth(**{"Content-Type": "application/json"}))
    assert "content-length" not in r.request.headers and r.request.headers.get("transfer-encoding") == "chunked"
    assert_problem(r, 413, "body_too_large")
    with service.store.read() as s:
        assert s.scalar(select(func.count()).select_from(DeterminationRow).where(
            DeterminationRow.request_id == big["id"])) == 0


def test_unknown_routes_and_methods_are_problems(service: Service) -> None:
    assert_problem(service.client.get("/v2/determinations", headers=service.auth()), 404, "not_found")
    det = service.post(request(id=f"m-{uid()}")).json()["determinations"][0]["id"]
    for method in ("PUT", "PATCH", "DELETE"):  # history is never updated or deleted through the API
        assert_problem(service.client.request(method, f"/v1/determinations/{det}", headers=service.auth()), 405)
    assert_problem(service.client.get("/v1/determinations/not%20an%20id", headers=service.auth()), 422,
                   field="determination_id")
    assert_problem(service.client.get("/v1/determinations/det_doesnotexist", headers=service.auth("reviewer")), 404)


# ---------------------------------------------------------------------------------------------
def test_listing_filters_and_cursor_pagination(service: Service) -> None:
    tag = uid()
    token = service.add_key(f"lister-{tag}", "submitter")
    headers = {"Authorization": f"Bearer {token}"}
    made = []
    for i in range(7):
        body = request(APPROVE if i % 2 == 0 else SILENT, id=f"list-{tag}-{i}")
        r = service.client.post("/v1/determinations", json=body, headers=headers)
        made.append(r.json()["determinations"][0])
    ids_newest_first = [d["id"] for d in reversed(made)]

    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = service.client.get("/v1/determinations", params=params, headers=headers).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids_newest_first

    def ids(**params: Any) -> list[str]:
        r = service.client.get("/v1/determinations", params={"limit": 200, **params}, headers=headers)
        assert r.status_code == 200, r.text
        return [i["id"] for i in r.json()["items"]]

    outcome = made[0]["outcome"]
    assert ids(outcome=outcome) == [d["id"] for d in reversed(made) if d["outcome"] == outcome]
    assert ids(policy="evicore-spine-2026") == ids_newest_first
    assert ids(policy="cohere-ct-spine-2.1") == []
    assert ids(cpt="72148") == ids_newest_first and ids(cpt="72131") == []
    guideline = made[0]["guideline"]
    if guideline:
        assert ids(guideline=guideline) == [d["id"] for d in reversed(made) if d["guideline"] == guideline]
    created = made[0]["created_at"]
    assert ids(created_from=created[:10]) == ids_newest_first
    assert ids(created_to=created[:10]) == ids_newest_first  # a date includes its whole day
    assert ids(created_to=created) == []  # a date-time is exclusive
    assert ids(created_from="2999-01-01") == []
    assert_problem(service.client.get("/v1/determinations", params={"cursor": "garbage"}, headers=headers), 422,
                   "invalid_cursor", "cursor")
    assert_problem(service.client.get("/v1/determinations", params={"created_from": "yesterday"}, headers=headers),
                   422, "invalid_date", "created_from")
    assert_problem(service.client.get("/v1/determinations", params={"limit": 0}, headers=headers), 422, field="limit")
    assert_problem(service.client.get("/v1/determinations", params={"outcome": "deny"}, headers=headers), 422,
                   field="outcome")
    # reviewers may narrow to one requester
    rev = service.client.get("/v1/determinations", params={"requester": f"key_{token.split('_')[1]}", "limit": 200},
                             headers=service.auth("reviewer")).json()["items"]
    assert [i["id"] for i in rev] == ids_newest_first


# ---------------------------------------------------------------------------------------------
def test_replay_with_the_same_policy_version_reproduces(service: Service) -> None:
    det = service.post(request(id=f"replay-{uid()}")).json()["determinations"][0]
    r = service.client.post(f"/v1/determinations/{det['id']}/replay", headers=service.auth("reviewer"))
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["same_policy_version"] is True and doc["original_policy_available"] is True
    assert doc["reproduced"] is True and doc["changes"] == {}
    assert doc["determination"] == det["determination"]
    assert doc["reviewer_notice"] == REVIEWER_NOTICE
    with service.store.read() as s:
        ev = s.scalars(select(AuditEventRow).where(AuditEventRow.subject == det["id"],
                                                   AuditEventRow.kind == "determination.replayed")).one()
    assert json.loads(ev.data)["reproduced"] is True and ev.actor == service.key_ids["reviewer"]


def test_replay_after_a_policy_change_says_the_original_is_unavailable_and_shows_the_difference(service: Service) -> None:
    body = request(id=f"old-{uid()}")
    current = review_data(body)[0]
    old = json.loads(json.dumps(current))
    old["policy"] = {**old["policy"], "version": "v-old", "hash": "sha256:" + "0" * 64}
    old.update(outcome="pend", guideline=None, suggested_cpt=["72131"],
               missing=[{"fact": "treatment_failed_to_improve", "question": "Did treatment fail?"}])
    sub = persist_determinations(service.store, body, [old], actor="test", requester_key_id=service.key_ids["submitter"])
    det_id = sub.determinations[0].id
    r = service.client.post(f"/v1/determinations/{det_id}/replay", headers=service.auth("reviewer"))
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["same_policy_version"] is False and doc["original_policy_available"] is False
    assert doc["reproduced"] is None
    assert "not available" in doc["message"] and "v-old" in doc["message"]
    assert doc["original"]["outcome"] == "pend" and doc["current"]["outcome"] == current["outcome"]
    changes = doc["changes"]
    if current["outcome"] != "pend":
        assert changes["outcome"] == {"before": "pend", "after": current["outcome"]}
    assert changes["suggested_cpt"]["removed"] == [c for c in ["72131"] if c not in current["suggested_cpt"]]
    assert "treatment_failed_to_improve" in changes["missing"]["removed"]
    assert doc["determination"] == current


def test_replay_of_an_unknown_determination_is_404(service: Service) -> None:
    assert_problem(service.client.post("/v1/determinations/det_unknown/replay", headers=service.auth("reviewer")), 404)


# ---------------------------------------------------------------------------------------------
def test_policies_list_and_criteria_trees_with_citations(service: Service) -> None:
    listed = service.client.get("/v1/policies", headers=service.auth()).json()["items"]
    assert [p["id"] for p in listed] == policy_ids()
    for summary in listed:
        policy = load_policy(summary["id"])
        assert summary["hash"] == policy.content_hash and summary["codes"] == sorted(policy.codes)
        r = service.client.get(f"/v1/policies/{summary['id']}", headers=service.auth("reviewer"))
        assert r.status_code == 200
        doc = r.json()
        assert len(doc["pathways"]) == len(policy.pathways) and len(doc["exclusions"]) == len(policy.exclusions)
        assert doc["reviewer_notice"] == REVIEWER_NOTICE

        def check(node: dict[str, Any]) -> None:
            assert node["cite"], node  # every node cites its section
            for child in node["children"]:
                check(child)

        for item in doc["pathways"] + doc["redirects"] + doc["exclusions"] + doc["notes"]:
            assert item["cite"]
            if item.get("when") is not None:
                check(item["when"])
        for node in doc["definitions"]:
            check(node)
    assert_problem(service.client.get("/v1/policies/no-such", headers=service.auth()), 404, "unknown_policy")


def test_health_readiness_and_openapi(service: Service) -> None:
    assert service.client.get("/healthz").json()["status"] == "ok"
    ready = service.client.get("/readyz").json()
    assert ready["status"] == "ready" and set(ready["policies"]) == set(policy_ids())
    doc = service.client.get("/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/v1/determinations", "/v1/determinations/{determination_id}", "/v1/determinations/{determination_id}/replay",
            "/v1/policies", "/v1/policies/{policy_id}", "/healthz", "/readyz"} <= paths
    assert doc["components"]["schemas"]["Problem"]["properties"].keys() >= PROBLEM_KEYS
    assert doc["components"]["securitySchemes"]["ApiKey"]["scheme"] == "bearer"
    body = doc["paths"]["/v1/determinations"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Request"}
    assert REVIEWER_NOTICE in doc["info"]["description"]


def test_revocation_from_outside_the_service_applies_within_the_key_cache_time(service: Service) -> None:
    import time

    from spinecheck.store import revoke_api_key

    token = service.add_key(f"cli-revoked-{uid()}", "submitter")
    headers = {"Authorization": f"Bearer {token}"}
    assert service.client.get("/v1/policies", headers=headers).status_code == 200
    with service.store.write() as s:  # what `spinecheck apikey revoke` does
        revoke_api_key(s, f"key_{token.split('_')[1]}", actor="cli:test")
    time.sleep(service.settings.auth_cache_seconds + 0.2)
    assert_problem(service.client.get("/v1/policies", headers=headers), 401, "invalid_api_key")
