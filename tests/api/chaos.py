"""Fault-injection helpers: a TCP proxy that can cut PostgreSQL off and bring it back, and a
background load of clients that retry 503s with their Idempotency-Keys."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from typing import Any

import httpx

from .conftest import APPROVE, free_port


class TcpProxy:
    """127.0.0.1:<port> -> target. ``stop()`` refuses new connections and resets open ones."""

    def __init__(self, target_host: str, target_port: int):
        self.port = free_port()
        self.target = (target_host, target_port)
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._running = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.settimeout(0.1)
        self._running.set()
        self._thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._thread.start()

    def _accept(self, listener: socket.socket) -> None:
        try:
            while self._running.is_set():
                try:
                    client, _ = listener.accept()
                except socket.timeout:
                    continue
                client.settimeout(None)
                try:
                    upstream = socket.create_connection(self.target)
                except OSError:
                    client.close()
                    continue
                with self._lock:
                    self._sockets += [client, upstream]
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pump, args=(a, b), daemon=True).start()
        finally:
            listener.close()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            for s in self._sockets:
                try:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self._sockets.clear()


class Load:
    """``clients`` threads POSTing distinct requests, each retried with its Idempotency-Key until
    it is stored (as a well-behaved client does on 503 or a dropped connection)."""

    def __init__(self, base_url: str, token: str, prefix: str, clients: int = 4):
        self.base_url, self.token, self.prefix, self.clients = base_url, token, prefix, clients
        self.statuses: Counter = Counter()
        self.stored: dict[str, str] = {}  # idempotency key -> submission id
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(c,), daemon=True) for c in range(clients)]

    def start(self) -> "Load":
        for t in self._threads:
            t.start()
        return self

    def finish(self, timeout: float = 60) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout)

    def _count(self, what: Any) -> None:
        with self._lock:
            self.statuses[what] += 1

    def _run(self, c: int) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.base_url, timeout=30) as http:
            i = 0
            while not self._stop.is_set():
                key = f"{self.prefix}-{c}-{i}"
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    try:
                        r = http.post("/v1/determinations", json={**APPROVE, "id": key},
                                      headers={**headers, "Idempotency-Key": key})
                    except httpx.TransportError:
                        self._count("transport_error")
                        time.sleep(0.05)
                        continue
                    self._count(r.status_code)
                    if r.status_code == 503:
                        doc = r.json()
                        if not (r.headers["content-type"].startswith("application/problem+json")
                                and doc["code"] in ("database_unavailable", "database_busy")
                                and "nothing was stored" in doc["detail"] and r.headers.get("retry-after")):
                            self.failures.append(f"bad 503: {r.text}")
                        time.sleep(0.05)
                        continue
                    if r.status_code not in (200, 201):
                        self.failures.append(f"{r.status_code}: {r.text[:300]}")
                        return
                    with self._lock:
                        self.stored[key] = r.json()["submission_id"]
                    break
                else:
                    self.failures.append(f"{key} never stored")
                    return
                i += 1
