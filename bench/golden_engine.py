"""Golden comparison for engine changes: every bundled example (with or without a note) and
every vignette of every policy, reviewed with ``explain="full"`` and ``explain="decisive"``.

    python bench/golden_engine.py write [/tmp/engine_golden.json]
    python bench/golden_engine.py check [/tmp/engine_golden.json]

``check`` exits non-zero and names the first differences when any determination changed.
Speed work must leave every determination identical."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from spinecheck.errors import InputError, NotFound
from spinecheck.review import review_data
from spinecheck.vignettes import vignette_requests

HERE = Path(__file__).resolve().parent.parent
DEFAULT = "/tmp/engine_golden.json"


def requests() -> list[dict[str, Any]]:
    examples = [json.loads(line) for line in (HERE / "examples" / "requests.ndjson").read_text().splitlines() if line.strip()]
    return examples + vignette_requests()


def dump() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n, r in enumerate(requests()):
        key = f"{n:04d} {r.get('policy')} {r.get('id')}"
        try:
            out[key] = {explain: review_data(r, explain=explain) for explain in ("full", "decisive")}
        except (InputError, NotFound) as exc:
            out[key] = {"error": str(exc)}
    return out


def main(argv: list[str]) -> int:
    mode = argv[1] if len(argv) > 1 else "check"
    path = Path(argv[2] if len(argv) > 2 else DEFAULT)
    current = json.loads(json.dumps(dump(), default=str))
    if mode == "write":
        path.write_text(json.dumps(current, indent=1, sort_keys=True))
        print(f"wrote {len(current)} determinations to {path}")
        return 0
    golden = json.loads(path.read_text())
    bad = [k for k in sorted(set(golden) | set(current)) if golden.get(k) != current.get(k)]
    for k in bad[:10]:
        print(f"DIFFERS: {k}")
    print(f"{len(current) - len(bad)}/{len(current)} identical" + (f", {len(bad)} differ" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
