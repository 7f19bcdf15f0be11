"""The one error type users see. Adapters (CLI, HTTP) turn it into an exit code or a problem
document; nothing else in the package raises errors meant for people."""

from __future__ import annotations


class SpinecheckError(Exception):
    """An error a person can act on: a stable code, where it is, and what to do about it.

    The message never carries note text or patient data, only field names and expected forms.
    """

    def __init__(self, code: str, message: str, *, where: str | None = None, status: int = 422):
        super().__init__(message)
        self.code = code
        self.message = message
        self.where = where
        self.status = status

    def one_line(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __str__(self) -> str:  # pragma: no cover - exercised through one_line
        return self.one_line()


class InputError(SpinecheckError):
    """A request (or file of requests) that cannot be evaluated as given."""

    def __init__(self, message: str, *, where: str | None = None, code: str = "invalid_request"):
        super().__init__(code, message, where=where, status=422)


class PolicyDataError(SpinecheckError):
    """Policy or fact-catalog data that fails to load or lint; `where` is file:line (path)."""

    def __init__(self, message: str, *, where: str | None = None):
        super().__init__("policy_data", message, where=where, status=500)


class NotFound(SpinecheckError):
    def __init__(self, message: str, *, where: str | None = None, code: str = "not_found"):
        super().__init__(code, message, where=where, status=404)
