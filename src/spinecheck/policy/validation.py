"""Turn pydantic validation errors on data files into located, human messages."""

from __future__ import annotations

from typing import NoReturn

from pydantic import ValidationError

from ..errors import PolicyDataError
from .yamlsource import Path, dotted, line_for


def located_messages(exc: ValidationError, filename: str, lines: dict[Path, int]) -> list[str]:
    out = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = line_for(lines, loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = f"unknown key '{loc[-1]}' (check the spelling; allowed keys are in docs/policy-format.md)"
        out.append(f"{filename}:{line if line else '?'} ({dotted(loc)}): {msg}")
    return out


def raise_located(exc: ValidationError, filename: str, lines: dict[Path, int]) -> NoReturn:
    messages = located_messages(exc, filename, lines)
    raise PolicyDataError("; ".join(messages[:5]) + (f" (+{len(messages) - 5} more)" if len(messages) > 5 else ""))
