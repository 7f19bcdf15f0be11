"""Evaluate criteria -> determination, trace, missing facts, alternatives. Pure functions."""

from .determine import Result, compile_policy, determine
from .facts import FactSet, FactValue

__all__ = ["FactSet", "FactValue", "Result", "compile_policy", "determine"]
