"""Policy data: schema, loader (importlib.resources), linter and content hash."""

from .catalog import load_catalog
from .loader import load_policy, load_vignettes, policy_ids
from .model import Policy

__all__ = ["Policy", "load_catalog", "load_policy", "load_vignettes", "policy_ids"]
