# Nexora: `make run` serves the API with demo data; `make test` runs every check CI runs.
# Needs only Python 3.11+ and make: uv is bootstrapped into .tools/ and installs from uv.lock.

PYTHON ?= python3
UV_VERSION ?= 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: run test install install-dev lint typecheck imports pytest fmt serve worker migrate seed bench clean help

help:
	@echo "make run    - set up, migrate, seed demo data, serve http://127.0.0.1:8000 (docs at /schema)"
	@echo "make test   - ruff, mypy (strict), import-linter and the whole pytest suite"
	@echo "make bench  - benchmarks under bench/ (prints requests/s, p50/p99, peak memory)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --frozen --no-dev

install-dev: $(UV)
	$(UV) sync --frozen

run: install
	$(BIN)/nexora db upgrade
	$(BIN)/nexora db seed --if-empty
	$(BIN)/nexora serve

test: install-dev lint typecheck imports pytest

lint:
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/ruff format --check src tests bench migrations

typecheck:
	$(BIN)/mypy

imports:
	$(BIN)/lint-imports

pytest:
	$(BIN)/pytest

fmt: install-dev
	$(BIN)/ruff format src tests bench migrations
	$(BIN)/ruff check --fix src tests bench migrations

worker: install
	$(BIN)/nexora worker

bench: install-dev
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(TOOLS) var .pytest_cache .mypy_cache .ruff_cache
