"""One error shape for the whole API: RFC 9457 problem documents (application/problem+json)
with ``type, title, status, detail, instance`` plus our stable ``code`` and the ``field`` to fix.
Details never carry request bodies, note text or database messages."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..errors import SpinecheckError

PROBLEM_MEDIA_TYPE = "application/problem+json"

TITLES = {
    400: "Bad request", 401: "Authentication required", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 409: "Conflict", 413: "Request body too large", 415: "Unsupported media type",
    422: "Invalid request", 500: "Internal error", 503: "Service unavailable",
}
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 409: "conflict", 413: "body_too_large", 415: "unsupported_media_type",
                422: "invalid_request", 500: "internal_error", 503: "unavailable"}


class Problem(BaseModel):
    """An error. ``code`` is stable (switch on it); ``detail`` says what to do; ``field`` names
    the request field, parameter or header at fault, when there is one."""

    type: str = Field(description="urn:spinecheck:problem:<code>")
    title: str
    status: int
    detail: str
    instance: str = Field(description="urn:spinecheck:request:<id>; the X-Request-ID of the failed request")
    code: str
    field: str | None = None


class ApiError(SpinecheckError):
    """A SpinecheckError raised by the HTTP layer itself, optionally with response headers."""

    def __init__(self, status: int, code: str, message: str, *, where: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(code, message, where=where, status=status)
        self.headers = headers or {}


def request_id_of(scope: dict[str, Any]) -> str:
    return scope.get("state", {}).get("request_id", "-")


def problem_body(status: int, code: str, detail: str, field: str | None, request_id: str) -> bytes:
    doc = {"type": f"urn:spinecheck:problem:{code}", "title": TITLES.get(status, "Error"), "status": status,
           "detail": detail, "instance": f"urn:spinecheck:request:{request_id}", "code": code, "field": field}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def problem_response(request: Request | None, status: int, code: str, detail: str, field: str | None = None,
                     headers: dict[str, str] | None = None, request_id: str | None = None) -> Response:
    rid = request_id or (request_id_of(request.scope) if request is not None else "-")
    if request is not None:
        request.scope.setdefault("state", {})["error_code"] = code
    headers = dict(headers or {})
    if status == 503:
        headers.setdefault("Retry-After", "1")
    return Response(problem_body(status, code, detail, field, rid), status_code=status,
                    media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _field_of(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "request"


async def _spinecheck_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SpinecheckError)
    headers = getattr(exc, "headers", None)
    status = exc.status if exc.status in TITLES else 500
    if status == 500:  # e.g. policy data that fails to load: the operator's problem, not the caller's
        return problem_response(request, 500, exc.code, "the service could not evaluate this request because its "
                                "policy data failed to load; the operator should run `spinecheck policy lint`")
    return problem_response(request, status, exc.code, exc.message, exc.where, headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    err = errors[0] if errors else {"loc": (), "msg": "invalid request", "type": "invalid"}
    field = _field_of(tuple(err.get("loc", ())))
    message = str(err.get("msg", "is invalid"))
    if err.get("type") == "missing":
        message = "is required"
    return problem_response(request, 422, f"invalid_{err.get('type', 'value')}", message, field)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code if exc.status_code in TITLES else 400
    detail = {404: "no such resource; GET /openapi.json lists the routes",
              405: "this route does not accept that method; GET /openapi.json lists the routes"}.get(status, str(exc.detail))
    return problem_response(request, status, STATUS_CODES.get(status, "error"), detail, None, dict(exc.headers or {}))


def install(app: FastAPI) -> None:
    app.add_exception_handler(SpinecheckError, _spinecheck_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem statuses a route can return."""
    described = {
        401: "No API key, or an unknown or revoked one", 403: "The key's role may not do this",
        404: "Not found", 409: "Conflict", 413: "Body larger than the limit", 415: "Body is not JSON",
        422: "Invalid request: `field` names what to fix", 503: "Database unavailable; nothing was stored; retry",
    }
    return {s: {"description": described.get(s, TITLES.get(s, "Error")),
                "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for s in statuses}
