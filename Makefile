# Two commands do all set-up on a fresh machine (each bootstraps .venv):
#   make demo   simulate and show a resident's day on the embedded (offline) default
#   make test   install the test dependencies and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test compare bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run the install when pyproject.toml changes.
$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: $(VENV)/.installed-core
	$(BIN)/propersim simulate --persona 1 --days 1 --seed 0

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

compare: $(VENV)/.installed-core
	$(BIN)/python benchmarks/compare_policies.py --personas all --days 1 --out runs/compare

bench: $(VENV)/.installed-core
	$(BIN)/python benchmarks/day_speed.py
	$(BIN)/python benchmarks/env_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
