"""Many clients at once against a real uvicorn server (2 worker processes): every request is
stored exactly once despite retries and racing duplicates, no 5xx, and the audit chain holds."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from spinecheck.policy import load_policy, policy_ids
from spinecheck.review import review_data
from spinecheck.store import Store, StoreConfig, create_api_key, verify_chain
from spinecheck.store.tables import AuditEventRow, DeterminationRow, SubmissionRow

from .conftest import APPROVE, SILENT, ServerProcess, new_database

CLIENTS = 16
PER_CLIENT = 200


def templates() -> list[dict[str, Any]]:
    found = [APPROVE, SILENT]
    policies = [load_policy(p) for p in policy_ids()]
    shared = sorted(c for c in policies[0].codes if sum(p.governs(c) for p in policies) >= 2)
    if shared:  # one request, several determinations
        found.append({**APPROVE, "policy": "all", "cpt": shared[0]})
    return found


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, Store]]:
    from .conftest import BACKENDS

    if request.param not in BACKENDS:
        pytest.skip("set SPINECHECK_TEST_DATABASE_URL to run against PostgreSQL")
    folder = tmp_path_factory.mktemp("conc")
    with new_database(request.param, folder) as url:
        store = Store(StoreConfig(url=url))
        store.upgrade()
        proc = ServerProcess(url, folder / "server.log", workers=2)
        try:
            yield proc, store
        finally:
            proc.stop()
            store.dispose()


def new_keys(store: Store, n: int, label: str) -> list[tuple[str, str]]:
    keys = []
    with store.write() as s:
        for i in range(n):
            info, token = create_api_key(s, name=f"{label}-{i}", role="submitter", actor="test")
            keys.append((info.id, token))
    return keys


def post(http: httpx.Client, token: str, body: dict[str, Any], key: str, stats: Counter) -> httpx.Response:
    """POST with retries on transport errors (as a real client would); 5xx are counted."""
    for attempt in range(30):
        try:
            r = http.post("/v1/determinations", json=body,
                          headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key})
        except httpx.TransportError:
            stats["transport_retry"] += 1
            time.sleep(0.05 * (attempt + 1))
            continue
        if r.status_code >= 500:
            stats[f"status_{r.status_code}"] += 1
            time.sleep(0.05 * (attempt + 1))
            continue
        return r
    raise AssertionError("request never succeeded")


def test_parallel_clients_with_retries_store_every_request_exactly_once(server: tuple[ServerProcess, Store]) -> None:
    proc, store = server
    keys = new_keys(store, 4, "conc")
    tpls = templates()
    expected = [[d["outcome"] for d in review_data({**t, "id": "x"})] for t in tpls]
    stats: Counter = Counter()
    outcomes: dict[str, list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]] = {}
    lock = threading.Lock()
    failures: list[BaseException] = []

    def record(key: str, r: httpx.Response) -> None:
        assert r.status_code in (200, 201), r.text
        doc = r.json()
        entry = (r.status_code, doc["submission_id"], tuple(d["id"] for d in doc["determinations"]),
                 tuple(d["outcome"] for d in doc["determinations"]))
        with lock:
            outcomes.setdefault(key, []).append(entry)

    def client(c: int) -> None:
        key_id, token = keys[c % len(keys)]
        try:
            with httpx.Client(base_url=proc.base_url, timeout=60) as http, \
                    httpx.Client(base_url=proc.base_url, timeout=60) as twin_http:
                for i in range(PER_CLIENT):
                    body = {**tpls[(c + i) % len(tpls)], "id": f"c{c}-r{i}"}
                    key = f"conc-{c}-{i}"
                    if i % 5 == 0:  # the client retries while the first attempt is still in flight
                        twin_result: list[httpx.Response] = []
                        twin = threading.Thread(target=lambda: twin_result.append(post(twin_http, token, body, key, stats)))
                        twin.start()
                        record(key, post(http, token, body, key, stats))
                        twin.join()
                        record(key, twin_result[0])
                    elif i % 5 == 1:  # the response was lost; the client sends it again
                        record(key, post(http, token, body, key, stats))
                        record(key, post(http, token, body, key, stats))
                    else:
                        record(key, post(http, token, body, key, stats))
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    live_checks: list[Any] = []
    done = threading.Event()

    def verifier() -> None:  # `audit verify` on the live database must never raise a false alarm
        while not done.is_set():
            with store.read(snapshot=True) as s:
                live_checks.append(verify_chain(s))
            time.sleep(0.5)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
    checker = threading.Thread(target=verifier)
    checker.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    checker.join()
    elapsed = time.perf_counter() - started
    assert live_checks and all(r.ok for r in live_checks), [r.problem for r in live_checks if not r.ok][:3]
    sent = sum(len(v) for v in outcomes.values())
    print(f"\n{sent} responses for {len(outcomes)} requests in {elapsed:.1f} s ({sent / elapsed:.0f}/s); retries: "
          f"{dict(stats)}; live audit verifications: {len(live_checks)}")
    assert not failures, failures[:3]
    assert not stats, f"5xx or transport errors under load: {dict(stats)}"
    assert len(outcomes) == CLIENTS * PER_CLIENT
    for key, entries in outcomes.items():
        c, i = map(int, key.split("-")[1:])
        assert len({e[1:3] for e in entries}) == 1, (key, entries)  # same submission, same determinations
        assert [e[0] for e in entries].count(201) == 1, (key, entries)  # created once, replayed otherwise
        assert list(entries[0][3]) == expected[(c + i) % len(tpls)]

    key_ids = [k for k, _ in keys]
    with store.read() as s:
        subs = s.scalar(select(func.count()).select_from(SubmissionRow).where(SubmissionRow.requester_key_id.in_(key_ids)))
        dets = s.scalar(select(func.count()).select_from(DeterminationRow).where(DeterminationRow.requester_key_id.in_(key_ids)))
        per_key = s.execute(select(SubmissionRow.idempotency_key, func.count()).where(
            SubmissionRow.requester_key_id.in_(key_ids)).group_by(SubmissionRow.idempotency_key)
            .having(func.count() > 1)).all()
        created_events = s.scalar(select(func.count()).select_from(AuditEventRow).where(
            AuditEventRow.kind == "determination.created", AuditEventRow.actor.in_(key_ids)))
        report = verify_chain(s)
    assert subs == CLIENTS * PER_CLIENT and not per_key
    assert dets == sum(len(entries[0][2]) for entries in outcomes.values()) == created_events
    assert report.ok, report.problem


def test_simultaneous_duplicates_are_stored_once(server: tuple[ServerProcess, Store]) -> None:
    proc, store = server
    [(key_id, token)] = new_keys(store, 1, "race")
    rounds, width = 25, 8
    barrier = threading.Barrier(width)
    results: dict[int, list[httpx.Response]] = {r: [] for r in range(rounds)}
    stats: Counter = Counter()

    def racer() -> None:
        with httpx.Client(base_url=proc.base_url, timeout=60) as http:
            for rnd in range(rounds):
                barrier.wait()
                r = post(http, token, {**APPROVE, "id": f"race-{rnd}"}, f"race-{rnd}", stats)
                results[rnd].append(r)

    threads = [threading.Thread(target=racer) for _ in range(width)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not stats
    for rnd, responses in results.items():
        assert sorted(r.status_code for r in responses) == [200] * (width - 1) + [201], rnd
        assert len({r.json()["submission_id"] for r in responses}) == 1
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(SubmissionRow).where(SubmissionRow.requester_key_id == key_id)) == rounds
        assert verify_chain(s).ok
