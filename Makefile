# The two commands of the README's quick start, and the pieces they are made of.
#   make demo   set up and run the product on its embedded defaults
#   make test   set up and run the whole test suite (what CI runs)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test setup lint typecheck pytest bench clean

$(BIN)/socialguard: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/socialguard

demo: setup
	$(BIN)/socialguard demo

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy socialguard

pytest: setup
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/classifier.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
