# Two commands set up a fresh machine: `make demo` (main job) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench clean

$(BIN)/spinecheck: pyproject.toml constraints.txt setup.py src/spinecheck/engine/_native.c
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "spinecheck needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/spinecheck version --engine
	touch $(BIN)/spinecheck

install: $(BIN)/spinecheck

demo: install
	$(BIN)/spinecheck policy lint
	$(BIN)/spinecheck evaluate examples/requests.ndjson --store
	$(BIN)/spinecheck audit verify

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/spinecheck policy lint

bench: install
	$(BIN)/python bench/bench_engine.py

clean:
	rm -rf $(VENV) build *.egg-info
