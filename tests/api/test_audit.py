"""The hash-chained audit log: what is recorded, concurrent appends, and tamper detection by
`spinecheck audit verify` on both databases."""

from __future__ import annotations

import json
import threading
from typing import Any

from sqlalchemy import select, text
from typer.testing import CliRunner

from spinecheck.cli import app as cli_app
from spinecheck.store import Store, StoreConfig, verify_chain
from spinecheck.store.audit import Event, append_event, event_hash
from spinecheck.store.tables import AuditEventRow

from .conftest import APPROVE, Service, request

runner = CliRunner()


def verify_cli(url: str, *args: str) -> Any:
    return runner.invoke(cli_app, ["audit", "verify", "--database-url", url, *args])


def output(result: Any) -> str:
    return (result.stdout or "") + (result.stderr or "")


def populate(svc: Service, n: int = 4) -> list[str]:
    dets = []
    for i in range(n):
        r = svc.post(request(APPROVE, id=f"aud-{i}"))
        assert r.status_code == 201
        dets.append(r.json()["determinations"][0]["id"])
    svc.client.get(f"/v1/determinations/{dets[0]}", headers=svc.auth())
    svc.client.post(f"/v1/determinations/{dets[1]}/replay", headers=svc.auth("reviewer"))
    return dets


def events(svc: Service) -> list[AuditEventRow]:
    with svc.store.read() as s:
        return list(s.scalars(select(AuditEventRow).order_by(AuditEventRow.n)))


def sql(svc: Service, statement: str, **params: Any) -> None:
    with svc.store.engine.begin() as conn:
        conn.execute(text(statement), params)


# ---------------------------------------------------------------------------------------------
def test_events_record_ids_and_digests_never_phi(fresh_service: Service) -> None:
    svc = fresh_service
    body = request(APPROVE, id="phi-check", note="Note text Xylophone-Marker-42 about the patient.",
                   patient={"birth_date": "1944-04-04", "sex": "male"})
    det = svc.post(body).json()["determinations"][0]["id"]
    svc.client.get(f"/v1/determinations/{det}", headers=svc.auth("reviewer"))
    svc.client.post(f"/v1/determinations/{det}/replay", headers=svc.auth("reviewer"))
    evs = events(svc)
    kinds = [e.kind for e in evs]
    assert kinds == ["apikey.created"] * 4 + ["determination.created", "determination.viewed", "determination.replayed"]
    assert [e.n for e in evs] == list(range(1, len(evs) + 1))
    created = json.loads(evs[4].data)
    assert created["outcome"] and len(created["request_digest"]) == 64 and len(created["result_digest"]) == 64
    assert evs[5].actor == svc.key_ids["reviewer"] and evs[4].actor == svc.key_ids["submitter"]
    dump = json.dumps([(e.kind, e.actor, e.subject, e.data) for e in evs])
    assert "Xylophone" not in dump and "1944-04-04" not in dump and "phi-check" not in dump
    result = verify_cli(svc.url)
    assert result.exit_code == 0, output(result)
    assert "ok: 7 events" in output(result) and "1 determinations match" in output(result)


def test_concurrent_appends_form_one_unbroken_chain(db_url: str) -> None:
    """16 threads, each with its own Store (own pool), append 40 events each at once."""
    Store(StoreConfig(url=db_url)).upgrade()
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)

    def worker(i: int) -> None:
        store = Store(StoreConfig(url=db_url, pool_size=2))
        try:
            barrier.wait()
            for j in range(40):
                with store.write() as s:
                    append_event(s, Event("determination.viewed", f"thread-{i}", f"det_{i}_{j}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            store.dispose()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    store = Store(StoreConfig(url=db_url))
    with store.read() as s:
        report = verify_chain(s)
        subjects = list(s.scalars(select(AuditEventRow.subject)))
    store.dispose()
    assert report.ok and report.events == 640, report
    assert len(set(subjects)) == 640


# ---------------------------------------------------------------------------------------------
def test_altered_event_is_named(fresh_service: Service) -> None:
    populate(fresh_service)
    target = events(fresh_service)[6]
    sql(fresh_service, "UPDATE audit_events SET data = :d WHERE n = :n",
        d=target.data.replace('"approve"', '"not_met"') if "approve" in target.data else target.data + " ", n=target.n)
    result = verify_cli(fresh_service.url)
    assert result.exit_code == 1
    assert f"event #{target.n}" in output(result) and "altered" in output(result)
    as_json = json.loads(verify_cli(fresh_service.url, "--json").stdout)
    assert as_json["ok"] is False and as_json["event"] == target.n and as_json["events"] == target.n - 1


def test_rehashed_event_is_caught_by_the_next_link(fresh_service: Service) -> None:
    populate(fresh_service)
    target = events(fresh_service)[5]
    new_actor = "someone-else"
    new_hash = event_hash(target.n, target.at, target.kind, new_actor, target.subject, target.data, target.prev_hash)
    sql(fresh_service, "UPDATE audit_events SET actor = :a, hash = :h WHERE n = :n", a=new_actor, h=new_hash, n=target.n)
    result = verify_cli(fresh_service.url)
    assert result.exit_code == 1
    assert f"event #{target.n} was altered or replaced" in output(result)


def test_deleted_event_is_named_missing(fresh_service: Service) -> None:
    populate(fresh_service)
    sql(fresh_service, "DELETE FROM audit_events WHERE n = 3")
    result = verify_cli(fresh_service.url)
    assert result.exit_code == 1 and "event #3 is missing" in output(result)


def test_truncated_tail_is_detected_by_the_chain_head(fresh_service: Service) -> None:
    populate(fresh_service)
    last = events(fresh_service)[-1].n
    sql(fresh_service, "DELETE FROM audit_events WHERE n = :n", n=last)
    result = verify_cli(fresh_service.url)
    assert result.exit_code == 1 and f"events #{last} to #{last} are missing" in output(result)


def test_altered_determination_row_is_named(fresh_service: Service) -> None:
    dets = populate(fresh_service)
    sql(fresh_service, "UPDATE determinations SET outcome = 'not_met', result_json = replace(result_json, "
                       "'\"outcome\":\"approve\"', '\"outcome\":\"not_met\"') WHERE id = :i", i=dets[2])
    result = verify_cli(fresh_service.url)
    assert result.exit_code == 1
    assert f"determination {dets[2]} was altered" in output(result) and "outcome" in output(result)


def test_rewritten_chain_is_caught_by_an_anchor(fresh_service: Service) -> None:
    populate(fresh_service)
    head = runner.invoke(cli_app, ["audit", "head", "--database-url", fresh_service.url]).stdout.strip()
    n, h = head.split(":")
    assert verify_cli(fresh_service.url, "--anchor", head).exit_code == 0
    # an attacker rewrites the last event and re-hashes the head consistently
    last = events(fresh_service)[-1]
    forged = event_hash(last.n, last.at, last.kind, "forger", last.subject, last.data, last.prev_hash)
    sql(fresh_service, "UPDATE audit_events SET actor = 'forger', hash = :h WHERE n = :n", h=forged, n=last.n)
    sql(fresh_service, "UPDATE audit_chain_head SET hash = :h", h=forged)
    assert verify_cli(fresh_service.url).exit_code == 0  # undetectable without an outside record
    result = verify_cli(fresh_service.url, "--anchor", head)
    assert result.exit_code == 1 and f"event #{n}" in output(result) and "anchored" in output(result)
    assert verify_cli(fresh_service.url, "--anchor", "12:nothex").exit_code == 2
