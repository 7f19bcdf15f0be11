"""Durable storage for the HTTP service: determinations, API keys and the hash-chained audit log
(SQLAlchemy 2, Alembic migrations shipped inside the package). Nothing here knows HTTP."""

from .db import Store, StoreConfig, StoreUnavailable
from .determinations import (
    IdempotencyConflict, StoredDetermination, Submission, get_determination, list_determinations,
    persist_determinations, submit,
)
from .keys import ROLES, ApiKeyInfo, authenticate, create_api_key, list_api_keys, revoke_api_key
from .audit import VerifyReport, append_event, verify_chain

__all__ = [
    "ROLES", "ApiKeyInfo", "IdempotencyConflict", "Store", "StoreConfig", "StoreUnavailable",
    "StoredDetermination", "Submission", "VerifyReport", "append_event", "authenticate",
    "create_api_key", "get_determination", "list_api_keys", "list_determinations",
    "persist_determinations", "revoke_api_key", "submit", "verify_chain",
]
