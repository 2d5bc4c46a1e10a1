# elektra: two commands for a new user.
#   make scenario   set up (once), then run scenarios/$(SCENARIO).yaml -> results/$(SCENARIO)/
#   make test       set up (once), then run the test suite
# Setting up installs the versions pinned in constraints.txt (what the tests passed with).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := constraints.txt
PIP := $(BIN)/python -m pip --disable-pip-version-check
SCENARIO ?= base

.PHONY: setup setup-iamc lock scenario test test-iamc bench docs lint regression questions dataset clean

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "elektra needs Python >= 3.11"'
	@echo "setup: installing elektra into $(VENV) with the versions pinned in $(CONSTRAINTS)"
	@echo "setup: the first time this downloads about 150 MB and takes a few minutes; later runs reuse $(VENV)"
	@test -x $(BIN)/python || { echo "setup: creating the virtual environment $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "setup: updating pip"
	@$(PIP) install --quiet --upgrade pip
	@echo "setup: installing elektra and its dependencies (pip lists each package as it goes)"
	$(PIP) install --progress-bar on -c $(CONSTRAINTS) -e '.[dev]'
	@$(PIP) check
	@touch $(STAMP)
	@echo "setup: done"

setup: $(STAMP)

# The optional IAMC tools (pyam, nomenclature) in the same environment: constraints.txt is
# resolved with them, so nothing already installed changes.
setup-iamc: $(STAMP)
	$(PIP) install --progress-bar on -c $(CONSTRAINTS) -e '.[dev,iamc]'
	@$(PIP) check

# The tests that need pyam and nomenclature (they are skipped without them).
test-iamc: setup-iamc
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_iamc.py

# Re-resolve constraints.txt from pyproject.toml (every extra), for this Python and platform.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev --extra iamc \
		--output-file $(CONSTRAINTS) pyproject.toml

scenario: $(STAMP)
	$(BIN)/elektra run scenarios/$(SCENARIO).yaml

test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadscope

# Answer the policy letter's questions: results/questions/report.html and answers.csv.
questions: $(STAMP)
	$(BIN)/elektra questions

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench_sweep.py

# Rebuild the Dutch dataset data/nl/ from tools/dataset_nl (its sources are in the repository),
# then check it. Regenerate the docs afterwards (make docs).
dataset: $(STAMP)
	$(BIN)/python -m tools.dataset_nl
	$(BIN)/python -m tools.dataset_nl.check > /dev/null

docs: $(STAMP)
	$(BIN)/elektra docs

lint: $(STAMP)
	$(BIN)/ruff check elektra tests benchmarks tools
	$(BIN)/ruff format --check elektra tests benchmarks tools

# Re-record the stored figures of the shipped scenarios. Only with a reason in the commit
# message and a CHANGELOG line.
regression: $(STAMP)
	$(BIN)/python -m tests.regression_store

clean:
	rm -rf $(VENV) $(IAMC_VENV) results .pytest_cache
