# elektra: two commands for a new user.
#   make scenario   set up (once), then run scenarios/$(SCENARIO).yaml -> results/$(SCENARIO)/
#   make test       set up (once), then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCENARIO ?= base

.PHONY: setup scenario test bench docs lint regression questions dataset clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "elektra needs Python >= 3.11"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

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
	rm -rf $(VENV) results .pytest_cache
