"""Evaluate criteria -> determination, trace, missing facts, alternatives. Pure functions."""

from .determine import compile_policy, determine
from .result import Result
from .facts import FactSet, FactValue

__all__ = ["FactSet", "FactValue", "Result", "compile_policy", "determine"]
