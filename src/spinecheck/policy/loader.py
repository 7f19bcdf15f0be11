"""Load a policy folder from package data (importlib.resources), validate it, lint it, hash it."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import NotFound, PolicyDataError
from .catalog import load_catalog
from .lint import lint_policy
from .model import Policy
from .schema import CriteriaFile, FactDef, PolicyMeta, SectionsFile, VignetteFile
from .validation import raise_located
from .yamlsource import Path, load_with_lines


def _policies_root() -> Traversable:
    return resources.files("spinecheck") / "policies"


def policy_ids() -> list[str]:
    return sorted(
        e.name for e in _policies_root().iterdir()
        if e.is_dir() and (e / "policy.yaml").is_file()
    )


def _read(entry: Traversable, filename: str, model: type[BaseModel]) -> tuple[Any, dict[Path, int], bytes]:
    raw = entry.read_bytes()
    data, lines = load_with_lines(raw.decode("utf-8"), filename)
    try:
        return model.model_validate(data or {}), lines, raw
    except ValidationError as exc:
        raise_located(exc, filename, lines)


def _yaml_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    return sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)


@lru_cache(maxsize=None)
def load_policy(policy_id: str) -> Policy:
    """The linted bundled policy; raises NotFound for an unknown id, PolicyDataError for bad data."""
    if policy_id not in policy_ids():
        known = ", ".join(policy_ids()) or "none"
        raise NotFound(f"unknown policy '{policy_id}'; known policies: {known}, or 'all'",
                       where="policy", code="unknown_policy")
    return load_policy_from(_policies_root() / policy_id, load_catalog(), f"policies/{policy_id}")


def load_policy_from(folder: Traversable, catalog: dict[str, FactDef], prefix: str) -> Policy:
    """Load and lint the policy in ``folder`` against ``catalog``; ``prefix`` names files in errors."""
    policy_id = folder.name
    digest = hashlib.sha256()

    meta, _, raw = _read(folder / "policy.yaml", f"{prefix}/policy.yaml", PolicyMeta)
    digest.update(b"policy.yaml\0" + raw)
    sections = []
    for entry in _yaml_files(folder / "sections"):
        parsed_sections, _, raw = _read(entry, f"{prefix}/sections/{entry.name}", SectionsFile)
        digest.update(f"sections/{entry.name}\0".encode() + raw)
        sections.extend(parsed_sections.sections)

    criteria: list[tuple[str, CriteriaFile, dict[Path, int]]] = []
    for entry in _yaml_files(folder / "criteria"):
        filename = f"{prefix}/criteria/{entry.name}"
        parsed, lines, raw = _read(entry, filename, CriteriaFile)
        digest.update(f"criteria/{entry.name}\0".encode() + raw)
        criteria.append((filename, parsed, lines))
    if meta.id != policy_id:
        raise PolicyDataError(f"id '{meta.id}' does not match its folder '{policy_id}'",
                              where=f"{prefix}/policy.yaml:1")

    policy, problems = lint_policy(meta, sections, criteria, catalog, digest)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        raise PolicyDataError(f"policy '{policy_id}' fails lint:\n  {shown}{more}")
    return policy


def load_vignettes(policy_id: str) -> list[tuple[str, Any]]:
    """(file name, Vignette) pairs from the policy's ``vignettes/`` folder."""
    folder = _policies_root() / policy_id / "vignettes"
    out = []
    for entry in _yaml_files(folder):
        parsed, _, _ = _read(entry, f"policies/{policy_id}/vignettes/{entry.name}", VignetteFile)
        out.extend((entry.name, v) for v in parsed.vignettes)
    return out