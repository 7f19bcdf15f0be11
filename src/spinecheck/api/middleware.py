"""The outermost layer: request ids, the body size limit (also for chunked bodies), one log line
per request (ids, status, timings; never bodies, paths with data, or note text) and a last-resort
500 problem that never shows a stack trace."""

from __future__ import annotations

import logging
import re
import time
import traceback
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import PROBLEM_MEDIA_TYPE, problem_body

log = logging.getLogger("spinecheck.api")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_BODY_METHODS = {"POST", "PUT", "PATCH"}


class ServiceMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = scope.setdefault("state", {})
        given = _header(scope, b"x-request-id")
        rid = given if given and _SAFE_REQUEST_ID.match(given) else uuid.uuid4().hex
        state["request_id"] = rid
        status = {"code": 0, "sent": False}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["sent"] = True
                MutableHeaders(scope=message).append("X-Request-ID", rid)
            await send(message)

        try:
            if scope["method"] in _BODY_METHODS:
                body = await self._read_body(scope, receive, send_wrapper)
                if body is None:
                    return
                receive = _replay(body, receive)
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:  # noqa: BLE001 - the last resort: log the type and frames, never the message
            frames = _frames(exc)
            log.error("unhandled error request_id=%s error=%s\n%s", rid, type(exc).__name__, frames)
            state["error_code"] = "internal_error"
            if not status["sent"]:
                await _send_problem(send_wrapper, 500, "internal_error",
                                    f"the service failed unexpectedly; quote {rid} to the operator", None, rid)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "<unmatched>"
            parts = [f"request_id={rid}", f"method={scope['method']}", f"route={template}",
                     f"status={status['code']}", f"ms={(time.perf_counter() - started) * 1000:.1f}"]
            for key in ("key_id", "error_code", "determinations", "outcomes", "submission", "replayed"):
                if state.get(key) is not None:
                    value = state[key]
                    parts.append(f"{key}={','.join(value) if isinstance(value, (list, tuple)) else value}")
            log.info(" ".join(parts))

    async def _read_body(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        limit = self.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_problem(send, 400, "bad_content_length", "Content-Length must be a whole number of bytes",
                                    "Content-Length", scope["state"]["request_id"])
                return None
            if int(declared) > limit:
                await self._too_large(scope, send)
                return None
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:  # chunked (or lying) bodies are cut off here
                await self._too_large(scope, send)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        scope["state"]["error_code"] = "body_too_large"
        await _send_problem(send, 413, "body_too_large",
                            f"the request body is larger than {self.max_body_bytes} bytes; send one request per call "
                            "and only the relevant part of the clinical note", None, scope["state"]["request_id"],
                            close=True)


def _frames(exc: BaseException) -> str:
    """Where it failed: the innermost frames in spinecheck plus the very last one. Source lines
    and locations only; never the exception message, which may quote input."""
    tb = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in tb if "/spinecheck/" in f.filename.replace("\\", "/")][-4:]
    chosen = ours + ([tb[-1]] if tb and (not ours or ours[-1] is not tb[-1]) else [])
    return "".join(traceback.format_list(chosen))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _send_problem(send: Send, status: int, code: str, detail: str, field: str | None, rid: str,
                        close: bool = False) -> None:
    body = problem_body(status, code, detail, field, rid)
    headers = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
