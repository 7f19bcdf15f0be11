"""API keys: ``sck_<id>_<secret>`` tokens, stored only as the sha256 of the whole token (the
secret has 256 bits of entropy, so a plain digest is enough; it is shown once, at creation)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputError, NotFound
from .audit import Event, append_event
from .canonical import utcnow
from .tables import ApiKeyRow

ROLES = ("submitter", "reviewer", "admin")
TOKEN_PREFIX = "sck_"


@dataclass(frozen=True)
class ApiKeyInfo:
    id: str
    name: str
    role: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def of(cls, row: ApiKeyRow) -> "ApiKeyInfo":
        return cls(row.id, row.name, row.role, row.created_at, row.revoked_at)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check(name: str, role: str) -> None:
    if role not in ROLES:
        raise InputError(f"unknown role '{role}'; choose one of {', '.join(ROLES)}", where="role", code="invalid_role")
    if not name.strip() or len(name) > 200 or any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise InputError("give a name of 1 to 200 printable characters (who or what uses the key)", where="name",
                         code="invalid_name")


def create_api_key(session: Session, *, name: str, role: str, actor: str) -> tuple[ApiKeyInfo, str]:
    """A new key and its token (shown once; only its digest is stored). Audited."""
    _check(name, role)
    suffix = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}{suffix}_{secrets.token_urlsafe(32)}"
    now = utcnow()
    row = ApiKeyRow(id=f"key_{suffix}", name=name.strip(), role=role, secret_hash=hash_token(token), created_at=now)
    session.add(row)
    session.flush()
    append_event(session, Event("apikey.created", actor, row.id, {"role": role, "name": row.name}), now)
    return ApiKeyInfo.of(row), token


def list_api_keys(session: Session) -> list[ApiKeyInfo]:
    return [ApiKeyInfo.of(r) for r in session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.id))]


def revoke_api_key(session: Session, key_id: str, *, actor: str) -> tuple[ApiKeyInfo, bool]:
    """Revoke ``key_id``; (key, True) when this call revoked it, (key, False) when it already was."""
    row = session.execute(select(ApiKeyRow).where(ApiKeyRow.id == key_id).with_for_update()).scalar_one_or_none()
    if row is None:
        raise NotFound(f"no API key '{key_id}'; `spinecheck apikey list` shows the keys", where="key_id", code="unknown_key")
    if row.revoked_at is not None:
        return ApiKeyInfo.of(row), False
    now = utcnow()
    row.revoked_at = now
    append_event(session, Event("apikey.revoked", actor, row.id, {"role": row.role}), now)
    return ApiKeyInfo.of(row), True


_KEYS = ApiKeyRow.__table__


def authenticate(session: Session, token: str) -> ApiKeyInfo | None:
    """The active key whose token this is, or None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.execute(select(_KEYS.c.id, _KEYS.c.name, _KEYS.c.role, _KEYS.c.created_at, _KEYS.c.revoked_at)
                          .where(_KEYS.c.secret_hash == hash_token(token))).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    return ApiKeyInfo(row.id, row.name, row.role, row.created_at, row.revoked_at)
