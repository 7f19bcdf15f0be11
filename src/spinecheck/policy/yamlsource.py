"""Read YAML package data while remembering the line of every mapping and list item, so that
validation errors can say `file:line (path)`."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import PolicyDataError

try:  # the C loader is several times faster; fall back silently where libyaml is missing
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse ``text``; return the data and a map from each path to its 1-based line."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PolicyDataError(f"not valid YAML: {problem}", where=f"{filename}{line}") from None
    lines: dict[Path, int] = {}
    if root is None:
        return None, lines
    return _convert(root, (), lines, filename), lines


def _convert(node: yaml.Node, path: Path, lines: dict[Path, int], filename: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in out:
                raise PolicyDataError(
                    f"key '{key}' appears twice in one mapping",
                    where=f"{filename}:{key_node.start_mark.line + 1}",
                )
            out[key] = _convert(value_node, path + (key,), lines, filename)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, filename) for i, item in enumerate(node.value)]
    # scalars: the safe constructor decides the type from the tag the composer resolved
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def line_for(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path`` or of its nearest ancestor that has one."""
    probe = tuple(path)
    while probe:
        if probe in lines:
            return lines[probe]
        probe = probe[:-1]
    return lines.get(())


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"
