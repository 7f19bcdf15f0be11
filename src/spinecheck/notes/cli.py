"""``spinecheck extract NOTE.txt --date YYYY-MM-DD [--json]``: the facts a clinical note states,
with evidence. Bad input (missing file, binary or non-UTF-8 content, control characters, a note
over the size limit, a bad date) is one line on stderr and exit code 2; messages never quote the
note."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Column, Table

from ..console import make_console
from ..errors import InputError, SpinecheckError

_out = make_console()
_err = make_console(stderr=True)

REGIONS = ("cervical", "thoracic", "lumbar", "pelvis")


def _fail(exc: SpinecheckError) -> None:
    _err.print(f"[red]error[/]: {exc.one_line()}", soft_wrap=True)
    raise typer.Exit(2)


def _read(path: str) -> str:
    from .text import decode_note_bytes

    if path == "-":
        data = sys.stdin.buffer.read()
        where = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError("no such file; give a plain-text note file or '-' for stdin", where=path, code="no_file")
        where = path
        data = p.read_bytes()
    return decode_note_bytes(data, where)


def _show(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def extraction_dict(ex: Any) -> dict[str, Any]:
    """The JSON form: facts with value, display value, evidence and reading notes; conflicts."""
    facts = []
    for name, fv in sorted(ex.facts.provenance.items()):
        item = {"fact": name, "value": _show(fv.value), "raw": _show(fv.raw), "evidence": list(fv.evidence)}
        if name in ex.notes:
            item["reading"] = ex.notes[name]
        facts.append(item)
    return {"facts": facts, "conflicts": ex.facts.conflicts}


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        note: str = typer.Argument(..., help="A plain-text clinical note (UTF-8), or '-' for stdin."),
        date: str = typer.Option(..., "--date", help="Request date YYYY-MM-DD; durations and relative dates are measured to it."),
        as_json: bool = typer.Option(False, "--json", help="Print the facts and conflicts as one JSON object."),
        region: Optional[str] = typer.Option(None, "--region", help="Region of the requested study (cervical, thoracic, lumbar, pelvis); scopes prior-imaging facts."),
    ) -> None:
        """Read a clinical note: the facts it states, each with the text that supports it."""
        from . import extract as run_extract

        try:
            try:
                on = dt.date.fromisoformat(date)
            except ValueError:
                raise InputError("must be a date written YYYY-MM-DD", where="--date", code="invalid_date") from None
            if region is not None and region not in REGIONS:
                raise InputError(f"must be one of {', '.join(REGIONS)}", where="--region", code="invalid_region")
            text = _read(note)
            ex = run_extract(text, on, region=region)
        except SpinecheckError as exc:
            _fail(exc)
            return
        if as_json:
            print(json.dumps(extraction_dict(ex), default=str))
            return
        if not ex.facts.provenance and not ex.facts.conflicts:
            _out.print("no facts found in the note")
            return
        table = Table(Column("fact", no_wrap=True), "value", "assertion", "evidence", title=f"Facts read from the note (as of {on})")
        for name, fv in sorted(ex.facts.provenance.items()):
            first = fv.evidence[0] if fv.evidence else {}
            shown = json.dumps(_show(fv.raw), default=str)
            if name in ex.notes:
                shown += "\n[dim]" + "; ".join(ex.notes[name]) + "[/]"
            more = f" (+{len(fv.evidence) - 1} more)" if len(fv.evidence) > 1 else ""
            table.add_row(name, shown, first.get("assertion", ""), f"{first.get('text', '')!r} @{first.get('start')}{more}")
        _out.print(table)
        for c in ex.facts.conflicts:
            _out.print(f"[yellow]conflict[/] {c['fact']}: the note says {', '.join(json.dumps(v, default=str) for v in c['values'])} "
                       "- left unknown for a reviewer", soft_wrap=True)
