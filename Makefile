# Two commands do all set-up on a fresh machine (each bootstraps .venv):
#   make demo   compare the baseline assistant policies on the embedded (offline) default
#   make test   install the test dependencies and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast compare bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run the install when pyproject.toml changes.
$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	touch $@

# llama-cpp-python first, built for any x86-64 (never -march=native, never pip's cached
# wheel); pip then finds it installed. See scripts/install_llama_cpp.py.
$(VENV)/.installed-dev: pyproject.toml scripts/install_llama_cpp.py | $(BIN)/python
	$(BIN)/python scripts/install_llama_cpp.py
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# The quick comparison: 6 baselines x 32 personas x 3 days (about a minute on 2 cores);
# re-running reuses finished cells. Watch one resident: .venv/bin/propersim simulate --persona 1
demo: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/compare_policies.py --personas all --days 3 --seeds 0 --out runs/demo

# pytest-xdist over all cores; a test file stays on one worker (module fixtures such as
# the local llama.cpp server start once)
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q -n auto --dist loadfile

# The quick subset while developing (under a minute on 2 cores): no slow tests, none that start the
# local llama.cpp server, drive Chromium or import torch (markers in pyproject.toml). `make test` runs all.
test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q -n auto --dist loadfile -m "not slow and not needs_llm_server and not needs_browser and not needs_torch"

# The study's grid: 6 baselines x 32 personas x 14 days (a few minutes on 2 cores)
compare: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/compare_policies.py --personas all --days 14 --seeds 0 --out runs/compare

bench: $(VENV)/.installed-core
	$(BIN)/python benchmarks/day_speed.py
	$(BIN)/python benchmarks/env_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
