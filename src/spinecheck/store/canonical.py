"""Canonical JSON and digests: the exact bytes the audit chain and stored rows are hashed over."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import time
from typing import Any


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 text, no NaN/Infinity: one text per JSON value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def ordered_json(value: Any) -> str:
    """Compact JSON keeping key order: a stored request re-evaluates exactly as it was sent
    (the engine lists facts in request order)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(value: Any) -> str:
    return sha256_hex(canonical_json(value))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso_utc(ts: dt.datetime) -> str:
    """2026-10-01T12:00:00.123456Z: the form timestamps take inside hashed audit events."""
    return ts.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id(prefix: str) -> str:
    """prefix_ + 12 hex digits of milliseconds + 16 random hex digits: unique, roughly time-ordered."""
    return f"{prefix}_{int(time.time() * 1000):012x}{secrets.token_hex(8)}"
