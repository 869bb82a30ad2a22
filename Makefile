# The two commands of the README's quick start, and the pieces they are made of.
#   make demo   set up and run the product on its embedded defaults
#   make test   set up and run the whole test suite (what CI runs): SQLite, then the
#               database tests again on a real PostgreSQL (tests/services.py starts it)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test setup lint typecheck pytest pytest-sqlite pytest-postgres bench clean

$(BIN)/socialguard: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,scale]'
	touch $@

setup: $(BIN)/socialguard

demo: setup
	$(BIN)/socialguard demo

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy socialguard

pytest: pytest-sqlite pytest-postgres

pytest-sqlite: setup
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# Only the tests that touch the database (marked uses_db by the tests.services plugin), with
# TEST_DATABASE_URL set; PostgreSQL is started if needed and stopped afterwards.
pytest-postgres: setup
	$(BIN)/python tests/services.py with-postgres -- \
		$(BIN)/python -m pytest -p tests.services -m uses_db -n 2 $(PYTEST_ARGS)

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/engine.py --pack all
	$(BIN)/python bench/classifier.py
	$(BIN)/python tests/services.py with-postgres -- $(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
