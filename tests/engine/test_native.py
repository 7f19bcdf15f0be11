"""The C steps (``engine/_native.c``) against the generated Python ones, which stay the
reference: the same determinations, to the last trace entry and question, on every bundled
example and vignette and on thousands of perturbed variants of them; how the implementation is
chosen; and the errors the C module gives when it is misused."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import random
import shutil
import sysconfig
from pathlib import Path
from typing import Any

import pytest

from spinecheck.engine import native
from spinecheck.engine.compiled import UNSET, CompiledPolicy, Env
from spinecheck.errors import InputError, NotFound, SpinecheckError
from spinecheck.policy import load_catalog, load_policy, policy_ids
from spinecheck.review import review_data
from spinecheck.vignettes import vignette_requests

determine_module = importlib.import_module("spinecheck.engine.determine")  # the module, not its function
needs_native = pytest.mark.skipif(not native.available(), reason="the C extension is not built here")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "requests.ndjson"


def _requests() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()] + vignette_requests()


_VALUES: dict[str, Any] = {
    "number": [0, 1, 2, 5, 8, 9, 10, 17, 18, 40, 50, 60, 61, 65, 66, 80],
    "duration": ["2 days", "1 week", "4 weeks", "5 weeks 6 days", "6 weeks", "3 months", "6 months", "1 year"],
}


def _random_value(fact: Any, rng: random.Random, on: dt.date) -> Any:
    if fact.type == "bool":
        return rng.random() < 0.5
    if fact.type == "enum":
        return rng.choice(list(fact.values))
    if fact.type == "set":
        return rng.sample(list(fact.values), rng.randint(0, min(3, len(fact.values))))
    if fact.type == "date":
        return str(on - dt.timedelta(days=rng.choice([0, 1, 30, 89, 90, 91, 180, 183, 364, 365, 366, 800])))
    return rng.choice(_VALUES[fact.type])


def _variants(seed: int = 20261207) -> list[dict[str, Any]]:
    """Each structured request with facts dropped one at a time, and with a random part of its
    facts kept and random answers to other facts added (seeded: the same every run)."""
    rng = random.Random(seed)
    settable = [f for f in load_catalog().values() if not f.derived]
    found = []
    for r in _requests():
        facts = r.get("facts") or {}
        if "note" in r or not facts:
            continue
        on = dt.date.fromisoformat(r["date"])
        for name in list(facts)[:5]:
            found.append({**r, "facts": {k: v for k, v in facts.items() if k != name}})
        for _ in range(3):
            kept = {k: v for k, v in facts.items() if rng.random() < 0.7}
            for fact in rng.sample(settable, 3):
                kept[fact.name] = _random_value(fact, rng, on)
            found.append({**r, "facts": kept})
    return found


def _determinations(backend: str, requests: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch,
                    explain: tuple[str, ...] = ("full", "decisive")) -> list[str]:
    compiled = {}
    for pid in policy_ids():
        policy = load_policy(pid)
        compiled[policy.content_hash] = CompiledPolicy(policy, backend=backend)
    monkeypatch.setattr(determine_module, "_COMPILED", compiled)
    out = []
    for r in requests:
        try:
            out.append(json.dumps([review_data(r, explain=e) for e in explain], default=str, sort_keys=True))
        except (InputError, NotFound) as exc:  # a random answer the request cannot take: the same error
            out.append(f"error {exc}")
    return out


@needs_native
def test_every_example_and_vignette_gets_the_same_determination(monkeypatch: pytest.MonkeyPatch) -> None:
    requests = _requests()
    python = _determinations("python", requests, monkeypatch)
    fast = _determinations("native", requests, monkeypatch)
    assert len(python) == len(requests) > 700
    for r, a, b in zip(requests, python, fast):
        assert a == b, r.get("id")


@needs_native
def test_perturbed_requests_get_the_same_determination(monkeypatch: pytest.MonkeyPatch) -> None:
    requests = _variants()
    python = _determinations("python", requests, monkeypatch, explain=("full",))
    fast = _determinations("native", requests, monkeypatch, explain=("full",))
    outcomes = {json.loads(d)[0][0]["outcome"] for d in python if not d.startswith("error")}
    assert len(requests) > 2000 and outcomes == {"approve", "pend", "not_met", "out_of_scope"}
    differing = [r.get("id") for r, a, b in zip(requests, python, fast) if a != b]
    assert not differing, f"{len(differing)} differ, first {differing[:5]}"


# --- which implementation runs ------------------------------------------------------------------

def test_the_python_steps_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINECHECK_ENGINE", "python")
    assert native.default_backend() == "python"
    assert CompiledPolicy(load_policy("cohere-ct-spine-2.1")).backend == "python"


def test_a_misspelt_engine_choice_is_an_error_naming_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINECHECK_ENGINE", "fortran")
    with pytest.raises(SpinecheckError) as caught:
        native.default_backend()
    assert caught.value.code == "bad_setting"
    assert caught.value.one_line() == "SPINECHECK_ENGINE: must be one of native, python (or unset: native when built)"


@needs_native
def test_the_c_steps_run_by_default_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPINECHECK_ENGINE", raising=False)
    assert native.default_backend() == "native"
    assert native.describe().startswith("native")


def test_the_extension_is_built_and_current_where_it_can_be() -> None:
    """A checkout installed with `make install` on a machine with a C compiler and the Python
    headers runs the C steps: a failed or stale build would otherwise fall back to the slower
    steps unnoticed."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not shutil.which(compiler) or not headers.exists():
        pytest.skip("no C compiler or no Python headers on this machine: the Python steps run")
    assert not native.STALE, native.describe()
    assert native.available(), native.describe()


def test_a_build_older_than_its_source_is_not_used(tmp_path: Path) -> None:
    source = tmp_path / "_native.c"
    source.write_text("/* one version */\n")

    class Built:
        SOURCE_HASH = "0000000000000000"

    assert native.stale(Built, source)
    Built.SOURCE_HASH = native.source_hash(source)
    assert not native.stale(Built, source)
    assert not native.stale(Built, tmp_path / "absent.c")  # an installed wheel ships no source
    assert not native.stale(None, source)


# --- the C module's own checks ------------------------------------------------------------------

@needs_native
def test_a_step_called_with_the_wrong_state_says_what_it_needs() -> None:
    c = CompiledPolicy(load_policy("cohere-ct-spine-2.1"), backend="native")
    with pytest.raises(TypeError, match="one value per compiled node"):
        c.fns[0](Env({}, dt.date(2026, 10, 1), [UNSET] * 3, {}))
    with pytest.raises(TypeError, match="one argument, the evaluation state"):
        c.fns[0]()


@needs_native
def test_a_malformed_node_table_is_refused() -> None:
    from spinecheck.engine import _native

    with pytest.raises(ValueError, match="node 0: wrong number of children"):
        _native.Program([(1, (), 1, None, 0, None, None, None, None, False)], UNSET)
    with pytest.raises(IndexError, match="node 5 is not in the compiled policy"):
        _native.Program([(1, (5,), 1, None, 0, None, None, None, None, False)], UNSET)
    with pytest.raises(ValueError, match="a fact test needs a fact"):
        _native.Program([(0, (), 1, None, 0, None, None, None, None, False)], UNSET)
    program = _native.Program([(0, (), 1, "x", 0, True, None, None, None, False)], UNSET)
    with pytest.raises(RuntimeError, match="initialized once"):  # its steps index the node table
        program.__init__([], UNSET)
    with pytest.raises(RuntimeError, match="set_walk_tables was not called"):
        program.questions(Env({}, dt.date(2026, 10, 1), [UNSET], {}), [0], 1)


@needs_native
def test_a_tiny_program_evaluates_with_kleene_logic() -> None:
    from spinecheck.engine import _native

    # 0: all(1, 2); 1: a == True; 2: n >= 6.0
    program = _native.Program([
        (1, (1, 2), 1, None, 0, None, None, None, None, False),
        (0, (), 1, "a", 0, True, None, None, None, False),
        (0, (), 1, "n", 3, 6.0, None, None, None, False),
    ], UNSET)
    top = program.node(0)
    for facts, expected, written in [
        ({"a": True, "n": 6.0}, True, [True, True, True]),
        ({"a": True, "n": 5.9}, False, [False, True, False]),
        ({"a": False}, False, [False, False, UNSET]),  # short-circuited: the second is skipped
        ({"a": True}, None, [None, True, None]),
        ({}, None, [None, None, None]),
    ]:
        env = Env(facts, dt.date(2026, 10, 1), [UNSET] * 3, {})
        assert top(env) is expected
        assert env.out == written


@needs_native
def test_random_cases_of_the_demo_policy_get_the_same_determination(demo_policy, demo_catalog,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The test fixture's policy has every construct of the format (redirects, exclusions of
    each kind, `when_suggested`, blanket statements, notes): random cases for each of its codes."""
    from spinecheck.models import Request
    from spinecheck.review import gather_facts

    rng = random.Random(7)
    settable = [f for f in demo_catalog.values() if not f.derived]
    on = dt.date(2026, 10, 1)
    codes = sorted(demo_policy.codes)
    cases = []
    for n in range(600):
        facts = {f.name: _random_value(f, rng, on) for f in rng.sample(settable, rng.randint(0, len(settable)))}
        request = Request.model_validate({"id": f"r{n}", "policy": "demo-policy", "cpt": rng.choice(codes),
                                          "date": str(on), "patient": {"birth_date": "1970-06-15", "sex": "female"},
                                          "facts": facts})
        cases.append((request, gather_facts(request, demo_policy, demo_catalog)))
    seen = {}
    for backend in ("python", "native"):
        compiled = CompiledPolicy(demo_policy, backend=backend)
        monkeypatch.setattr(determine_module, "_COMPILED", {demo_policy.content_hash: compiled})
        seen[backend] = [json.dumps(determine_module.determine(demo_policy, r.id, r.cpt, r.date, f).to_dict("full"),
                                    default=str, sort_keys=True) for r, f in cases]
    outcomes = {json.loads(d)["outcome"] for d in seen["python"]}
    assert outcomes >= {"approve", "pend", "not_met"}
    assert seen["native"] == seen["python"]
