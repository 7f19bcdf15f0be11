"""The fact catalog: every fact a criterion may read, shared by all policies.

Facts live in ``spinecheck/facts/*.yaml`` (one file per clinical area). The derived facts that
the request itself supplies (age, sex, the region/modality/contrast of the requested code) are
declared there too, flagged ``derived: true``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from pydantic import ValidationError

from ..errors import PolicyDataError
from .schema import CatalogFile, FactDef
from .validation import raise_located
from .yamlsource import load_with_lines

DERIVED_FACTS = (
    "patient_age", "patient_age_months", "patient_sex",
    "request_region", "request_modality", "request_contrast",
)


@lru_cache(maxsize=1)
def load_catalog() -> dict[str, FactDef]:
    """The bundled catalog (cached)."""
    return load_catalog_from(resources.files("spinecheck") / "facts")


def load_catalog_from(folder: Traversable) -> dict[str, FactDef]:
    facts: dict[str, FactDef] = {}
    origin: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        filename = f"facts/{entry.name}"
        data, lines = load_with_lines(entry.read_text(encoding="utf-8"), filename)
        try:
            parsed = CatalogFile.model_validate(data or {})
        except ValidationError as exc:
            raise_located(exc, filename, lines)
        for i, fact in enumerate(parsed.facts):
            where = f"{filename}:{lines.get(('facts', i), '?')}"
            if fact.name in facts:
                raise PolicyDataError(
                    f"fact '{fact.name}' is declared twice (first at {origin[fact.name]}); keep one",
                    where=where,
                )
            facts[fact.name] = fact
            origin[fact.name] = where
    for name, fact in facts.items():
        ruler = facts.get(fact.ruled_out_by or "")
        if fact.ruled_out_by and (ruler is None or ruler.type != "bool"):
            raise PolicyDataError(f"fact '{name}' is ruled out by '{fact.ruled_out_by}', which is not a bool fact",
                                  where=origin[name])
    missing = [name for name in DERIVED_FACTS if name not in facts]
    if missing:
        raise PolicyDataError(f"derived facts missing from the catalog: {', '.join(missing)}", where="facts/")
    return facts
