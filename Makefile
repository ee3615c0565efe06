# Integrering: `make run` sets everything up and starts the app with Trøndelag demo data;
# `make test` sets everything up and runs the whole suite. Both are idempotent.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_DEBUG ?= 1

.PHONY: install run test test-fast check lock browser benchmarks messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed
	mkdir -p var
	cd src/integrering && ../../$(BIN)/integrering compilemessages --ignore=.venv -v0
	$(BIN)/integrering collectstatic --noinput -v0

run: install
	$(BIN)/integrering migrate --noinput -v0
	$(BIN)/integrering load-reference-data
	$(BIN)/integrering load-demo-data
	@echo "Integrering kjører på http://127.0.0.1:$(PORT)/ – logg inn som radgiver, admin eller kommune5001."
	$(BIN)/integrering runserver 127.0.0.1:$(PORT)

# Browser tests drive Debian's Chromium; install it when missing and we may (root with apt-get).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium mangler: installer pakken 'chromium' (Debian) for nettlesertestene."; exit 1; fi; \
	fi

# The shape of the code: lint, format, the layers (import-linter, contracts in pyproject.toml), the types (mypy
# with django-stubs, [tool.mypy] in pyproject.toml), migrations that match the models.
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/integrering makemigrations --check --dry-run

# The suite runs on every core (pytest-xdist); each worker has its own test database. PYTEST_ARGS narrows it,
# e.g. `make test PYTEST_ARGS='-m "not e2e"'` (CI runs the browser tests once, on SQLite).
PYTEST_ARGS ?=
test: check browser
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -m "not e2e"

# Re-pin the Python dependencies with hashes (needs network to the package index; `uv` in a throwaway venv).
# The lock files name no registry: keep it so (no --emit-index-url).
lock:
	$(PYTHON) -m venv var/uv && var/uv/bin/pip install --quiet uv
	var/uv/bin/uv pip compile --python-version 3.11 --generate-hashes --no-header --quiet requirements.in -o requirements.lock
	var/uv/bin/uv pip compile --python-version 3.11 --generate-hashes --no-header --quiet requirements-dev.in -o requirements-dev.lock

benchmarks: install
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) node_modules var

# Regenerate the translation catalogues (project-wide, and one per app that has its own). The project-wide one
# also holds the pure cores' strings (allocation, legal, tabular: `gettext`/`gettext_noop` from integrering.i18n),
# which the engine's command line reads without Django.
messages:
	cd src/integrering && DJANGO_DEBUG=1 ../../$(BIN)/integrering makemessages -l nb -l nn --no-location -v0 \
	  --ignore=accounts --ignore=settlement --ignore=guidance --ignore=grants --ignore=regional --ignore=plans --ignore=api
	for app in accounts settlement guidance grants regional plans api; do \
	  if [ -d src/integrering/$$app/locale ]; then (cd src/integrering/$$app && DJANGO_DEBUG=1 ../../../$(BIN)/integrering makemessages -l nb -l nn --no-location -v0); fi; \
	done
