"""The one command-line entry point. Thin: parse arguments, call ``review`` or the policy
modules, print. Errors become one line on stderr and exit code 2; never a traceback."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Column, Table
from rich.tree import Tree

from . import ENGINE_VERSION
from .console import make_console
from .errors import SpinecheckError
from .models import REVIEWER_NOTICE

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Review spine-imaging prior-authorization requests against payer policies. "
                       "Decision support only: 'not_met' refers a request to a physician reviewer; it is never a denial.")
policy_app = typer.Typer(no_args_is_help=True, help="Inspect, lint and measure the bundled policies.")
app.add_typer(policy_app, name="policy")

out = make_console()
err = make_console(stderr=True)

OUTCOME_STYLE = {"approve": "bold green", "not_met": "bold red", "pend": "bold yellow", "out_of_scope": "bold blue"}
STATUS_MARK = {"met": "[green]✔ met[/]", "not_met": "[red]✘ not met[/]", "unknown": "[yellow]? unknown[/]"}


def fail(exc: SpinecheckError) -> None:
    err.print(f"[red]error[/]: {exc.one_line()}", markup=True, soft_wrap=True)
    raise typer.Exit(2)


# ---------------------------------------------------------------------------------------------
def _read_requests(path: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, parsed JSON or None, error text) for each request in the input."""
    from .errors import InputError

    if path == "-":
        text = sys.stdin.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"no such file; give a .json request, an .ndjson file or '-' for stdin", where=path, code="no_file")
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError("file is not UTF-8 text", where=path, code="not_utf8") from None
        name = path
    stripped = text.strip()
    if not stripped:
        raise InputError("no requests in the input", where=name, code="empty_input")
    if path.endswith(".json") or (path != "-" and not path.endswith(".ndjson") and "\n" not in stripped):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where=name, code="invalid_json") from None
        items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items, 1):
            yield i, item, None
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield lineno, None, f"invalid JSON at column {exc.colno}: {exc.msg}"


@app.command()
def evaluate(
    file: str = typer.Argument(..., help="A request (.json), requests one per line (.ndjson), or '-' for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print one determination JSON per line, in input order."),
    policy: Optional[str] = typer.Option(None, "--policy", help="Override the requests' policy: an id or 'all'."),
    explain: str = typer.Option("fails", "--explain", help="Criteria shown: off, fails (decisive entries, failing branches) or full (every pathway, every branch; also in --json)."),
    store: bool = typer.Option(False, "--store", help="Also store each determination, with its audit event, in the database (SPINECHECK_DATABASE_URL; default ./spinecheck.db)."),
    database_url: Optional[str] = typer.Option(None, "--database-url", help="Database for --store (overrides SPINECHECK_DATABASE_URL)."),
) -> None:
    """Evaluate requests and print determinations."""
    from .review import review_data

    if explain not in ("off", "fails", "full"):
        fail(SpinecheckError("bad_option", "--explain takes off, fails or full", where="--explain"))
    keep = _determination_store(database_url) if store else None
    failed = 0
    stored = 0
    progress = _progress(as_json)
    try:
        for lineno, data, problem in progress(_read_requests(file)):
            request_id = data.get("id") if isinstance(data, dict) else None
            if problem is None and policy and isinstance(data, dict):
                data = {**data, "policy": policy}
            try:
                if problem is not None:
                    from .errors import InputError
                    raise InputError(problem, where=f"line {lineno}", code="invalid_json")
                results = review_data(data, "full" if explain == "full" else "decisive")
                if keep is not None:
                    keep(data, results)
                    stored += len(results)
            except SpinecheckError as exc:
                failed += 1
                record = {"error": exc.message, "code": exc.code, "where": exc.where, "line": lineno,
                          "request_id": request_id if isinstance(request_id, str) else None}
                if as_json:
                    print(json.dumps(record), flush=True)
                else:
                    err.print(f"[red]error[/] line {lineno}" + (f" (request {request_id})" if isinstance(request_id, str) else "")
                              + f": {exc.one_line()}", soft_wrap=True)
                continue
            if as_json:
                for d in results:
                    print(json.dumps(d, separators=(",", ":")), flush=True)
            elif len(results) > 1:
                render_side_by_side(results)
            else:
                render_determination(results[0], explain)
    except SpinecheckError as exc:
        fail(exc)
    if keep is not None:
        err.print(f"stored {stored} determination(s) with their audit events; `spinecheck audit verify` checks the chain")
    if failed:
        raise typer.Exit(2)


def _determination_store(database_url: Optional[str]) -> Any:
    """A function that stores one request's determinations (and audit events) atomically."""
    import getpass

    from .api.settings import Settings
    from .store import Store
    from .store.determinations import persist_determinations

    settings = Settings(**({"database_url": database_url} if database_url else {}))
    db = Store(settings.store_config())
    db.ensure_schema()
    try:
        actor = f"cli:{getpass.getuser()}"[:64]
    except (KeyError, OSError):  # pragma: no cover - no passwd entry
        actor = "cli"
    return lambda data, results: persist_determinations(db, data, results, actor=actor)


def _progress(as_json: bool):
    """A progress bar on stderr while JSON goes to stdout, when a person is watching."""
    if not as_json or not sys.stderr.isatty():
        return lambda items: items
    from rich.progress import track

    return lambda items: track(items, description="evaluating", console=err, transient=True)


def render_side_by_side(results: list[dict[str, Any]]) -> None:
    """The same request under several policies, one column per policy."""
    first = results[0]
    out.rule(f"[bold]{first['request_id']}[/] · CPT {first['cpt']} · {len(results)} policies")
    table = Table(Column("", style="bold", no_wrap=True), *[Column(d["policy"]["id"]) for d in results], show_lines=True)
    table.add_row("outcome", *[f"[{OUTCOME_STYLE[d['outcome']]}]{d['outcome']}[/]" for d in results])
    table.add_row("decisive section", *[d["guideline"] or "-" for d in results])
    table.add_row("summary", *[d["summary"] for d in results])
    table.add_row("questions", *["\n".join(m["fact"] for m in d["missing"]) or "-" for d in results])
    table.add_row("suggested", *[", ".join(d["suggested_cpt"]) or "-" for d in results])
    table.add_row("policy version", *[f"{d['policy']['version']} {d['policy']['hash'][:15]}…" for d in results])
    out.print(table)
    out.print(f"[dim]{REVIEWER_NOTICE}[/]", soft_wrap=True)


def render_determination(d: dict[str, Any], explain: str = "fails") -> None:
    style = OUTCOME_STYLE[d["outcome"]]
    out.rule(f"[bold]{d['request_id']}[/] · {d['policy']['id']} · CPT {d['cpt']}")
    word = {"not_met": "NOT MET - refer to physician reviewer"}.get(d["outcome"], d["outcome"].upper().replace("_", " "))
    out.print(f"[{style}]{word}[/]  (decisive section: {d['guideline'] or '-'})")
    out.print(d["summary"], soft_wrap=True)
    if d["missing"]:
        out.print("[bold]Questions that would decide it:[/]")
        for m in d["missing"]:
            out.print(f"  • [cyan]{m['fact']}[/]: {m['question']}", soft_wrap=True)
    if d["suggested_cpt"]:
        out.print(f"[bold]Suggested instead:[/] {', '.join(d['suggested_cpt'])}")
    for n in d.get("notes", []):
        out.print(f"[dim]note ({n['cite']}): {n['text']}[/]", soft_wrap=True)
    if explain != "off":
        definitions = {e["id"]: e["node"] for e in d["criteria"] if e["role"] == "definition"}
        for entry in d["criteria"]:
            if entry["role"] == "definition" or (explain == "fails" and not entry["decisive"]):
                continue
            tree = Tree(f"{entry['role']} [bold]{entry['id']}[/] ({entry['cite']}) {STATUS_MARK[entry['status']]} - {entry['title']}")
            if entry.get("node"):
                _tree(tree, entry["node"], explain, definitions)
            out.print(tree)
    out.print(f"[dim]{REVIEWER_NOTICE} policy {d['policy']['version']} {d['policy']['hash'][:19]}… engine {d['engine_version']}[/]", soft_wrap=True)


def _tree(parent: Tree, node: dict[str, Any], explain: str, definitions: dict[str, Any]) -> None:
    if node["kind"] == "ref" and node["id"] in definitions:
        node = definitions[node["id"]]
    label = f"{STATUS_MARK[node['status']]} {node['text']} [dim]({node['cite']})[/]"
    if node["kind"] == "fact":
        value = node.get("value")
        label += f" [dim]{node['test']}; given: {json.dumps(value) if value is not None else 'nothing'}[/]"
    if node.get("ruled_out_by") and node["status"] == "not_met":
        label += f" [dim](ruled out by {node['ruled_out_by']})[/]"
    branch = parent.add(label)
    for child in node.get("children") or []:
        if explain == "fails" and child["status"] == "met":
            continue
        _tree(branch, child, explain, definitions)


# ---------------------------------------------------------------------------------------------
@app.command()
def policies() -> None:
    """List the bundled policies."""
    from .policy import load_policy, policy_ids

    try:
        table = Table(Column("id", no_wrap=True), "payer", "title", "version", "effective", "codes", "hash")
        for pid in policy_ids():
            p = load_policy(pid)
            table.add_row(p.id, p.meta.payer, p.meta.title, p.meta.version, str(p.meta.effective_date),
                          str(len(p.codes)), p.content_hash[:19] + "…")
        out.print(table)
    except SpinecheckError as exc:
        fail(exc)


@policy_app.command("show")
def policy_show(policy_id: str, section: Optional[str] = typer.Argument(None, help="Only criteria citing this section, e.g. SP-5.1")) -> None:
    """Print a policy's criteria trees with their citations."""
    from .policy import load_policy

    try:
        p = load_policy(policy_id)
    except SpinecheckError as exc:
        fail(exc)
        return
    if section and p.section(section) is None:
        fail(SpinecheckError("unknown_section", f"no section '{section}' in {policy_id}; `spinecheck policy coverage {policy_id}` lists them", where="section"))
    out.print(f"[bold]{p.meta.title}[/] {p.meta.version} ({p.id}), effective {p.meta.effective_date}, {p.content_hash}")

    def cites(node: Any, base: str) -> bool:
        if node is None:
            return False
        if node.kind == "ref":
            return cites(p.definitions.get(node.ref), base)
        if (node.cite or "").split("#")[0] == base:
            return True
        return any(cites(k, base) for k in node.children)

    base = section.split("#")[0] if section else None
    for role, items in (("pathway", p.pathways), ("redirect", p.redirects), ("exclusion", p.exclusions), ("note", p.notes)):
        for item in items:
            when = getattr(item, "when", None)
            if base and item.cite.split("#")[0] != base and not cites(when, base):
                continue
            cpt = item.cpt if item.cpt == "all" else ", ".join(item.cpt)
            head = getattr(item, "title", None) or getattr(item, "text", "")
            tree = Tree(f"[bold]{role}[/] {item.id} ({item.cite}) - {head} [dim]codes: {cpt}[/]"
                        + (f" -> {item.goes_to}" if role == "redirect" else ""))
            if when is not None:
                _policy_tree(tree, when, p)
            out.print(tree)


def _policy_tree(parent: Tree, node: Any, policy: Any, depth: int = 0) -> None:
    if node.kind == "ref":
        target = policy.definitions[node.ref]
        _policy_tree(parent, target, policy, depth)
        return
    head = {"all": "ALL of", "any": "ANY of", "not": "NOT", "at_least": f"AT LEAST {node.at_least} of"}.get(node.kind, "")
    test = ""
    if node.kind == "fact":
        rhs = f"<{node.value_fact}>" if node.value_fact else json.dumps(node.value)
        test = f" [dim]{node.fact} {node.op} {rhs}[/]"
    ruled = f" [dim](ruled out by {node.ruled_out_by})[/]" if node.ruled_out_by else ""
    branch = parent.add(f"{head + ' ' if head else ''}{node.text} [cyan]({node.cite})[/]{test}{ruled}")
    if depth < 12:
        for child in node.children:
            _policy_tree(branch, child, policy, depth + 1)


@policy_app.command("lint")
def policy_lint(policy_id: Optional[str] = typer.Argument(None, help="One policy id; all when omitted.")) -> None:
    """Check policy data: unknown facts or keys, type mismatches, dangling citations, duplicate ids."""
    from .policy import load_catalog, load_policy, policy_ids

    problems = 0
    try:
        load_catalog()
        ids = [policy_id] if policy_id else policy_ids()
    except SpinecheckError as exc:
        fail(exc)
        return
    for pid in ids:
        try:
            p = load_policy(pid)
            out.print(f"[green]ok[/] {pid}: {len(p.pathways)} pathways, {len(p.redirects)} redirects, "
                      f"{len(p.exclusions)} exclusions, {len(p.definitions)} definitions, {len(p.codes)} codes")
        except SpinecheckError as exc:
            problems += 1
            err.print(f"[red]fail[/] {pid}: {exc.one_line()}", soft_wrap=True)
    if problems:
        raise typer.Exit(1)


@policy_app.command("coverage")
def policy_coverage(policy_id: str) -> None:
    """Every section of the source document with the criteria encoding it, or why it has none."""
    from .policy import load_policy
    from .policy.coverage import coverage

    try:
        p = load_policy(policy_id)
    except SpinecheckError as exc:
        fail(exc)
        return
    rows = coverage(p)
    table = Table(Column("section", no_wrap=True), "title", "status", "encoded by / reason")
    missing = 0
    for row in rows:
        if row.carries_criteria and not row.items:
            missing += 1
            status = "[red]NOT ENCODED[/]"
            detail = ""
        elif row.carries_criteria:
            status = "[green]encoded[/]"
            detail = ", ".join(row.items[:6]) + (f" (+{len(row.items) - 6})" if len(row.items) > 6 else "")
        else:
            status = "[dim]no criteria[/]"
            detail = row.reason or ""
        table.add_row(row.id, row.title, status, detail)
    out.print(table)
    bearing = sum(1 for r in rows if r.carries_criteria)
    out.print(f"{bearing - missing}/{bearing} criteria-bearing sections encoded; {len(rows)} sections in all; "
              f"{len(p.codes)} codes governed")
    if missing:
        raise typer.Exit(1)


@policy_app.command("test")
def policy_test(policy_id: str, verbose: bool = typer.Option(False, "--verbose", "-v"),
                only: Optional[str] = typer.Option(None, "--only", help="Only vignette files whose name starts with this")) -> None:
    """Run the policy's vignettes (its own test cases) and report failures."""
    from .policy import load_vignettes
    from .vignettes import check_vignette

    try:
        vignettes = load_vignettes(policy_id)
    except SpinecheckError as exc:
        fail(exc)
        return
    failures = 0
    counts: dict[str, int] = {}
    if only:
        vignettes = [(f, v) for f, v in vignettes if f.startswith(only)]
    for filename, v in vignettes:
        problems = check_vignette(policy_id, v)
        counts[v.expect.outcome] = counts.get(v.expect.outcome, 0) + 1
        if problems:
            failures += 1
            err.print(f"[red]FAIL[/] {filename} {v.id} ({v.section}): {'; '.join(problems)}", soft_wrap=True)
        elif verbose:
            out.print(f"[green]ok[/] {filename} {v.id}")
    out.print(f"{len(vignettes) - failures}/{len(vignettes)} vignettes pass; by expected outcome: "
              + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    if failures:
        raise typer.Exit(1)


@app.command()
def facts(group: Optional[str] = typer.Option(None, help="Only facts of this group.")) -> None:
    """List the fact catalog: every fact a criterion may read, its type and question."""
    from .policy import load_catalog

    try:
        catalog = load_catalog()
    except SpinecheckError as exc:
        fail(exc)
        return
    table = Table(Column("fact", no_wrap=True), "type", "values / unit", "question")
    for name, f in sorted(catalog.items(), key=lambda kv: (kv[1].group, kv[0])):
        if group and f.group != group:
            continue
        detail = ", ".join(f.values) if f.values else (f.unit or "")
        table.add_row(name + (" (derived)" if f.derived else ""), f.type, detail, f.question)
    out.print(table)


@app.command()
def schema(which: str = typer.Argument("all", help="request, determination, error or all")) -> None:
    """Print the JSON Schemas of the request and determination formats."""
    from .models import Determination, ErrorRecord, Request

    models = {"request": Request, "determination": Determination, "error": ErrorRecord}
    if which != "all" and which not in models:
        fail(SpinecheckError("unknown_schema", f"unknown schema '{which}'; choose request, determination, error or all", where="which"))
    chosen = models if which == "all" else {which: models[which]}
    doc = {name: m.model_json_schema() for name, m in chosen.items()}
    print(json.dumps(doc if which == "all" else doc[which], indent=2))


@app.command()
def version(engine: bool = typer.Option(False, "--engine", help="Also say which implementation of the criteria steps runs (C or Python) and why.")) -> None:
    """Print the engine version."""
    print(ENGINE_VERSION)
    if engine:
        from .engine.native import describe

        try:
            print(f"criteria steps: {describe()}")
        except SpinecheckError as exc:  # a misspelt SPINECHECK_ENGINE
            fail(exc)


# Adapters living in their own packages add their commands here (notes: extract; api: serve,
# apikey, audit). A package that is absent simply adds nothing.
for _module in ("spinecheck.notes.cli", "spinecheck.api.cli"):
    try:
        __import__(_module, fromlist=["register"]).register(app)
    except ModuleNotFoundError as _exc:
        if _exc.name is None or not _module.startswith(_exc.name):
            raise


def main() -> None:
    try:
        app()
    except SpinecheckError as exc:  # pragma: no cover - commands catch their own
        err.print(f"[red]error[/]: {exc.one_line()}")
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
