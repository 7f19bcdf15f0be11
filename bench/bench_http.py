"""HTTP service latency and throughput against a real uvicorn server (`spinecheck serve`).

Every request is a POST /v1/determinations with its own Idempotency-Key, so each one is
evaluated, stored (SQLite file by default, WAL, synchronous=FULL) and audited. Two workloads:
structured facts only, and the same with a ~250-word clinical note. 1, 8 and 32 concurrent
keep-alive clients (threads). Prints figures; asserts nothing (machines are noisy; the load
generator shares the CPU with the server).

Usage: python bench/bench_http.py [--seconds 8] [--workers 1,2] [--levels 1,8,32]
                                  [--database-url URL]   (default: a temporary SQLite file)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

STRUCTURED = {
    "id": "bench", "policy": "evicore-spine-2026", "cpt": "72148", "date": "2026-10-01",
    "patient": {"birth_date": "1970-01-01", "sex": "female"},
    "facts": {"symptom_regions": ["lumbar"], "in_person_evaluation_current_episode": True,
              "provider_directed_treatment_duration": "6 weeks", "treatment_failed_to_improve": True,
              "reevaluation_after_treatment": True},
}

# A synthetic note (invented, no real patient), about 250 words.
NOTE = (
    "Follow-up visit, seen in clinic today. The patient is a 56 year old woman with low back pain that began "
    "about eight weeks ago after lifting boxes while moving house. Pain is mostly in the lower lumbar area with "
    "intermittent radiation into the right buttock and posterior thigh, not below the knee. She rates it six out "
    "of ten at worst. She completed six weeks of physical therapy twice weekly with a home exercise program and "
    "took naproxen as directed, without meaningful improvement; she still has trouble sitting through her work "
    "day and wakes at night when turning. She denies fever, chills, weight loss, history of cancer, recent "
    "infection, trauma, bowel or bladder changes and saddle numbness. No prior spine surgery. On examination she "
    "walks without a limp, lumbar flexion is limited by pain, straight leg raise is negative on both sides, "
    "strength is five out of five in all lower extremity muscle groups, sensation is intact to light touch and "
    "reflexes are symmetric at the knees and ankles. There is tenderness over the right lower paraspinal muscles. "
    "Assessment: persistent mechanical low back pain with right buttock referral, failed conservative care of "
    "more than six weeks, re-evaluated today after completing therapy. Plan: request lumbar spine MRI without "
    "contrast to evaluate for disc pathology and guide further management, continue home exercises, consider "
    "referral to spine specialist depending on results. She understands and agrees with the plan. Return to clinic "
    "after imaging or sooner if new weakness, numbness or bladder symptoms develop."
)


def server_stack() -> str:
    """The event loop and HTTP parser uvicorn picks ("auto") in this environment."""
    import importlib.util

    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return f"{loop} + {http}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * (len(sorted_values) - 1)))))
    return sorted_values[k]


def process_tree(root: int) -> list[int]:
    """root and its descendants (Linux /proc); [] elsewhere."""
    try:
        parents = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = open(f"/proc/{entry}/stat").read()
                except OSError:
                    continue
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    except OSError:
        return []
    found, frontier = [root], [root]
    while frontier:
        kids = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += kids
        frontier = kids
    return found


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


class RawClient:
    """A minimal keep-alive HTTP/1.1 client over one socket: the request bytes are built once and
    only the Idempotency-Key changes, so the load generator (which shares the 2 cores with the
    server) spends microseconds, not a millisecond, per request. Responses must carry
    Content-Length (the service always sends it)."""

    def __init__(self, port: int, token: str, payload: bytes):
        self.port = port
        self.head = (f"POST /v1/determinations HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {len(payload)}\r\nIdempotency-Key: ").encode()
        self.payload = payload
        self.sock: socket.socket | None = None
        self.buf = b""

    def connect(self) -> None:
        self.close()
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=60)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def post(self) -> int:
        if self.sock is None:
            self.connect()
        assert self.sock is not None
        self.sock.sendall(self.head + uuid.uuid4().hex.encode() + b"\r\n\r\n" + self.payload)
        while b"\r\n\r\n" not in self.buf:
            self._recv()
        head, _, rest = self.buf.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length = next((int(line.split(b":", 1)[1]) for line in lines[1:]
                       if line[:15].lower() == b"content-length:"), None)
        if length is None:
            raise http.client.HTTPException("response without Content-Length")
        while len(rest) < length:
            rest += self._recv_chunk()
        self.buf = rest[length:]
        if any(line.lower() == b"connection: close" for line in lines[1:]):
            self.close()
        return status

    def _recv(self) -> None:
        self.buf += self._recv_chunk()

    def _recv_chunk(self) -> bytes:
        assert self.sock is not None
        chunk = self.sock.recv(262144)
        if not chunk:
            raise ConnectionError("server closed the connection")
        return chunk


def run_level(port: int, token: str, body: dict, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    payload = json.dumps(body).encode()

    def client() -> None:
        conn = RawClient(port, token, payload)
        mine, codes = [], {}
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                status = conn.post()
            except (OSError, http.client.HTTPException, ValueError, IndexError):
                codes[-1] = codes.get(-1, 0) + 1
                conn.close()
                continue
            mine.append(time.perf_counter() - t0)
            codes[status] = codes.get(status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine)
            for k, v in codes.items():
                statuses[k] = statuses.get(k, 0) + v

    cpu0 = time.process_time()
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - cpu0
    latencies.sort()
    return {"n": len(latencies), "rps": len(latencies) / elapsed, "p50": percentile(latencies, 50) * 1000,
            "p99": percentile(latencies, 99) * 1000, "max": (latencies[-1] * 1000 if latencies else float("nan")),
            "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan"), "statuses": statuses,
            "client_cpu_ms": client_cpu / max(1, len(latencies)) * 1000}


def start_server(url: str, workers: int, logdir: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    log = open(logdir / f"server-{workers}.log", "wb")
    env = {**os.environ, "SPINECHECK_DATABASE_URL": url}
    server = subprocess.Popen([sys.executable, "-m", "spinecheck.cli", "serve", "--port", str(port),
                               "--workers", str(workers), "--log-level", "warning"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    deadline = time.time() + 60
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                return server, port
        except OSError:
            pass
        if time.time() > deadline or server.poll() is not None:
            stop_server(server)
            raise SystemExit("server did not start:\n" + (logdir / f"server-{workers}.log").read_text()[-2000:])
        time.sleep(0.2)


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--workers", default="1,2", help="uvicorn worker processes; a comma list runs each "
                        "(1 is `spinecheck serve`'s default)")
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    worker_counts = [int(x) for x in args.workers.split(",")]

    from spinecheck.store import Store, StoreConfig, create_api_key

    tmp = tempfile.TemporaryDirectory(prefix="spinecheck-bench-")
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    store = Store(StoreConfig(url=url))
    store.upgrade()
    with store.write() as s:
        _, token = create_api_key(s, name="bench", role="submitter", actor="bench")
    store.dispose()
    workloads = {"structured": STRUCTURED, "note~250w": {**STRUCTURED, "note": NOTE}}
    verdicts = []
    try:
        for workers in worker_counts:
            server, port = start_server(url, workers, Path(tmp.name))
            try:
                load = os.getloadavg()
                print(f"spinecheck HTTP bench: {os.cpu_count()} CPUs, load average {load[0]:.1f}; server: uvicorn "
                      f"({server_stack()}), {workers} worker(s), {url.split(':')[0]}; {args.seconds:.0f} s per level; "
                      f"note {len(NOTE.split())} words")
                results = {}
                for name, body in workloads.items():
                    run_level(port, token, body, 4, 1.5)  # warm-up (per-worker caches, connection pools)
                    for clients in levels:
                        pids = process_tree(server.pid)
                        cpu0 = cpu_seconds(pids)
                        r = run_level(port, token, body, clients, args.seconds)
                        r["cpu_ms"] = (cpu_seconds(pids) - cpu0) / max(1, r["n"]) * 1000
                        results[(name, clients)] = r
                        codes = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items()))
                        print(f"{name:11} clients={clients:3}  {r['rps']:7.0f} req/s  p50 {r['p50']:6.1f} ms  "
                              f"p99 {r['p99']:6.1f} ms  max {r['max']:7.1f} ms  server CPU {r['cpu_ms']:4.1f} ms/req  "
                              f"client CPU {r['client_cpu_ms']:4.2f} ms/req  "
                              f"load {os.getloadavg()[0]:.1f}  (n={r['n']}; {codes})")
                target = results.get(("structured", 8))
                if target:
                    verdict = "met" if target["p99"] <= 50 else "MISSED"
                    verdicts.append(f"{workers} worker(s): {target['p99']:.1f} ms -> {verdict}")
            finally:
                stop_server(server)
        if verdicts:
            print("target p99 <= 50 ms at 8 clients, structured: " + "; ".join(verdicts))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        tmp.cleanup()


if __name__ == "__main__":
    main()
