# Two commands set everything up: `make run` starts safecheck, `make test` runs every check.
# `make check` is the quick loop while editing: lint, types and the tests not marked slow.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test check lint bench clean catalogues

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The program's words: each safecheck/locale/<lang>/LC_MESSAGES/safecheck.po compiled to .mo
# (the install does it too; this keeps them fresh after a .po changes). Not kept in git.
PO := $(wildcard safecheck/locale/*/LC_MESSAGES/safecheck.po)
MO := $(PO:.po=.mo)

$(MO) &: $(PO) $(BIN)/.installed
	$(BIN)/python tools/catalogues.py compile

# The crisis lines of the first screen, built from the help-line data, the catalogues and the
# code that words them, and the parsed built-in checklists (tools/first_lines.py; the install
# does it too). Not kept in git.
FIRST_LINES := safecheck/locale/first_lines.marshal

$(FIRST_LINES): checklists/data/helplines.yaml $(wildcard checklists/*.yaml) $(MO) $(shell find safecheck -name '*.py')
	$(BIN)/python tools/first_lines.py

catalogues: $(MO) $(FIRST_LINES)

# A failing safecheck fails make too: make exits 2 and names safecheck's own code in its
# "Error N" line (make cannot exit with another code). Scripts call .venv/bin/safecheck.
run: $(BIN)/.installed $(MO) $(FIRST_LINES)
	@$(BIN)/safecheck $(ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check safecheck tests bench tools hatch_build.py
	$(BIN)/ruff format --check safecheck tests bench tools hatch_build.py
	$(BIN)/mypy
	$(BIN)/lint-imports

# The tests run in parallel, one worker per core (pytest-xdist); each test has its own state
# folder, keyring entry and tmux server, so workers never meet. PYTEST_ARGS='-n 0' runs them
# one at a time.
test: lint $(MO) $(FIRST_LINES)
	sh tests/run-with-keyring.sh $(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

check: lint $(MO) $(FIRST_LINES)
	sh tests/run-with-keyring.sh $(BIN)/python -m pytest -n auto --dist worksteal -m "not slow" $(PYTEST_ARGS)

# Under a private keyring too: the saved state is encrypted with a key from the keyring,
# as on a desktop (without one, the first question would be a passphrase prompt).
bench: $(BIN)/.installed $(MO) $(FIRST_LINES)
	sh tests/run-with-keyring.sh $(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
