"""The C criteria evaluator (optional: without a C compiler the install succeeds and the
generated Python steps run; see src/spinecheck/engine/native.py). Everything else is in
pyproject.toml. The source's hash is compiled in, so that a build older than its source is
never used (native.py compares them)."""

import hashlib
from pathlib import Path

from setuptools import Extension, setup

SOURCE = "src/spinecheck/engine/_native.c"
DIGEST = hashlib.sha256(Path(__file__).with_name("src").joinpath("spinecheck", "engine", "_native.c").read_bytes()).hexdigest()[:16]

setup(ext_modules=[Extension("spinecheck.engine._native", [SOURCE], optional=True,
                             define_macros=[("SPINECHECK_SOURCE_HASH", f'"{DIGEST}"')])])
