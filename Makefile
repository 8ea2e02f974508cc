# Two commands set everything up: `make run` starts safecheck, `make test` runs every check.
# `make check` is the quick loop while editing: lint, types and the tests not marked slow.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test check lint bench clean catalogues

# `make run` installs safecheck and what it needs; `make test` adds the checking tools (the
# `dev` extra, read from pyproject.toml, so safecheck is not built a second time). The pip
# that comes with Python 3.11 or newer installs both; it is not upgraded first.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed
	$(BIN)/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["dev"]))' > $(VENV)/dev-requirements.txt
	$(BIN)/python -m pip install --quiet -r $(VENV)/dev-requirements.txt
	touch $@

# The program's words: each safecheck/locale/<lang>/LC_MESSAGES/safecheck.po compiled to .mo
# (the install does it too; this keeps them fresh after a .po changes). Not kept in git.
PO := $(wildcard safecheck/locale/*/LC_MESSAGES/safecheck.po)
MO := $(PO:.po=.mo)

$(MO) &: $(PO) | $(BIN)/.installed
	$(MAKE) --no-print-directory $(BIN)/.installed-dev  # Babel compiles them
	$(BIN)/python tools/catalogues.py compile

# The crisis lines of the first screen, built from the help-line data, the catalogues and the
# code that words them, and the parsed built-in checklists (tools/first_lines.py; the install
# does it too), and the top-level --help that safecheck prints without typer (tools/top_help.py).
# Not kept in git.
FIRST_LINES := safecheck/locale/first_lines.marshal safecheck/locale/top_help.marshal

$(FIRST_LINES) &: checklists/data/helplines.yaml $(wildcard checklists/*.yaml) $(MO) $(shell find safecheck -name '*.py')
	$(BIN)/python tools/first_lines.py
	$(BIN)/python tools/top_help.py

catalogues: $(MO) $(FIRST_LINES)

# A failing safecheck fails make too: make exits 2 and names safecheck's own code in its
# "Error N" line (make cannot exit with another code). Scripts call .venv/bin/safecheck.
run: $(BIN)/.installed $(MO) $(FIRST_LINES)
	@$(BIN)/safecheck $(ARGS)

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check safecheck tests bench tools hatch_build.py
	$(BIN)/ruff format --check safecheck tests bench tools hatch_build.py
	$(BIN)/mypy
	$(BIN)/lint-imports

# The tests run in parallel (pytest-xdist); each test has its own state folder, keyring entry
# and tmux server, so workers never meet. WORKERS: twice the cores, as many tests wait on a
# terminal or a program (on 2 cores, pytest took 148 s with 3 workers, 136 s with 4, 150 s
# with 5, before the order below held); whole files go to a worker (loadfile), the longest
# first (FIRST in tests/conftest.py, which also stops xdist from sending the files with the
# most tests first instead).
# PYTEST_ARGS='-n 0' runs them one at a time. Python may write bytecode here even where
# PYTHONDONTWRITEBYTECODE is set: pytest keeps the test files it rewrote for its asserts
# only then, else each worker rewrites them all (5 s of CPU each).
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 2) * 2 )))
PYTEST := env -u PYTHONDONTWRITEBYTECODE sh tests/run-with-keyring.sh $(BIN)/python -m pytest \
	-n $(WORKERS) --dist loadfile

test: lint $(MO) $(FIRST_LINES)
	$(PYTEST) $(PYTEST_ARGS)

check: lint $(MO) $(FIRST_LINES)
	$(PYTEST) -m "not slow" $(PYTEST_ARGS)

# Under a private keyring too: the saved state is encrypted with a key from the keyring,
# as on a desktop (without one, the first question would be a passphrase prompt).
bench: $(BIN)/.installed-dev $(MO) $(FIRST_LINES)
	sh tests/run-with-keyring.sh $(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
