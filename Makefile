# The two commands of the README: `make run` and `make test`.  Each sets up what it needs.
PYTHON ?= python3
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen --no-sync
export UV_COMPILE_BYTECODE := 1
export UV_LINK_MODE := copy

.PHONY: setup postgres nginx chromium poppler axe fhir-validators run test lint typecheck pytest docs bench bench-triggers clean

setup: .venv/.synced

.venv/.synced: pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv>=0.5"
	$(UV) sync --frozen
	@touch $@

## PostgreSQL from Debian's packages, for the store's tests (the tests start their own server).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; }

## Debian's nginx (the light build, with TLS), for the test that runs two server-mode workers behind it.
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light openssl; }

## Debian's Chromium, for the browser tests (Playwright drives it; it never downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core; }

## Poppler's pdfinfo, pdftotext and pdftoppm, for the tests that read the PDF report back.
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils fonts-dejavu-core; }

## axe-core, the accessibility engine the browser tests run in every page: one file from the npm registry,
## checked against its published sha512 (no Node.js needed).
AXE_VERSION := 4.14.1
AXE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
AXE := .cache/axe-core-$(AXE_VERSION)/axe.min.js

axe: $(AXE)

$(AXE):
	$(PYTHON) tools/fetch_npm.py axe-core $(AXE_VERSION) "$(AXE_INTEGRITY)" axe.min.js $@

## Two independent FHIR validators from npm (FHIR.js and Asymmetrik's JSON-schema validator), pinned by
## tools/fhir-validators/package-lock.json, which the FHIR tests run on the export; Node.js from Debian if absent.
FHIR_VALIDATORS := .cache/fhir-validators/node_modules

fhir-validators: $(FHIR_VALIDATORS)/.installed

$(FHIR_VALIDATORS)/.installed: tools/fhir-validators/package.json tools/fhir-validators/package-lock.json
	@command -v npm >/dev/null 2>&1 || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; }
	mkdir -p .cache/fhir-validators
	cp tools/fhir-validators/package.json tools/fhir-validators/package-lock.json .cache/fhir-validators/
	cd .cache/fhir-validators && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

## Start the web app on http://127.0.0.1:8000 with the diary in your data folder (SQLite).
run: setup
	$(RUN) twitchwise serve

## Lint, type-check and run the whole test suite.
test: setup postgres nginx chromium poppler axe fhir-validators lint typecheck pytest

lint: setup
	$(RUN) ruff check src tests bench tools
	$(RUN) ruff format --check src tests bench tools

typecheck: setup
	$(RUN) mypy

pytest: setup postgres nginx chromium poppler axe fhir-validators
	TWITCHWISE_AXE=$(AXE) TWITCHWISE_FHIR_VALIDATORS=$(FHIR_VALIDATORS) $(RUN) pytest -n 2 --dist loadfile --durations=10

## Regenerate docs/triage.md from the knowledge base (a test fails when it is stale).
docs: setup
	$(RUN) python -m twitchwise.docs > docs/triage.md

## Run the benchmarks and print their figures.
bench: setup
	$(RUN) python -m compileall -q src  # measure start-up with bytecode, as an installed copy has
	$(RUN) python -m bench.check_speed
	$(RUN) python -m bench.insights_speed
	@command -v wrk >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
	$(RUN) python -m bench.web_speed
	$(RUN) python -m bench.apple_import_speed
	$(RUN) python -m bench.text_speed
	$(RUN) python -m bench.text_safety
	$(RUN) python -m bench.fhir_speed

## The trigger-analysis simulation harness: every method on the grid, 1,000 diaries a cell, all cores.
## Slow (hours on two cores): `--core` runs only the 90- and 180-day cells.
bench-triggers: setup
	$(RUN) python -m bench.triggers.harness
	$(RUN) python -m bench.triggers.harness --family --out bench/triggers/results-family.json

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache .hypothesis .cache
