# elektra: two commands for a new user.
#   make scenario   set up (once), then run scenarios/$(SCENARIO).yaml -> results/$(SCENARIO)/
#   make test       set up (once), then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCENARIO ?= base

.PHONY: setup scenario test bench docs lint regression questions clean iamc test-iamc

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "elektra needs Python >= 3.11"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

# pyam and nomenclature (the optional `iamc` extra) pin pandas < 3, matplotlib < 3.11 and
# rich < 15: they get an environment of their own, .venv-iamc, so that installing them
# never downgrades .venv. `make test-iamc` runs the tests that need them there.
IAMC_VENV := .venv-iamc
IAMC_STAMP := $(IAMC_VENV)/.installed

$(IAMC_STAMP): pyproject.toml
	@echo "creating $(IAMC_VENV): elektra with pyam and nomenclature (about 1.2 GB, a minute or two)"
	@test -x $(IAMC_VENV)/bin/python || $(PYTHON) -m venv $(IAMC_VENV)
	$(IAMC_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(IAMC_VENV)/bin/python -m pip install --quiet -e '.[dev,iamc]'
	@touch $(IAMC_STAMP)

iamc: $(IAMC_STAMP)

test-iamc: $(IAMC_STAMP)
	$(IAMC_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/test_iamc.py

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
