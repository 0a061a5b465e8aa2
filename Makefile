# Every target sets up its own environment first: a fresh clone needs only Python 3.11+ and make.
# Browser tests also need Chromium (Debian: `apt-get install chromium`), the accessibility tests Node.js/npm
# (axe-core) and the HTML check Java; .ci/run installs all three.

VENV   := .venv
PYTHON := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs

.PHONY: serve build offline check test test-fast lint lighthouse benchmark benchmark-import search-quality clean \
	pdf

serve: $(VENV)/.installed  ## Serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## Build the static site into site/; a failed build leaves the previous site/ as it was
	$(PYTHON) -m macros.sitebuild site

offline: $(VENV)/.installed  ## Build the offline edition (file://, search, the PDFs; needs Chromium) as docs/downloads/*.zip
	OFFLINE=true $(PYTHON) -m macros.sitebuild build/offline/lerende-organisatie --pdf \
		--zip docs/downloads/lerende-organisatie-offline.zip -f mkdocs-offline.yml

check: $(VENV)/.installed  ## Check data/dimensions.yaml and explain every problem
	$(PYTHON) -m macros.check

pdf: $(VENV)/.installed  ## Build the site plus every printed product as a PDF file in site/pdf/ (needs Chromium)
	$(PYTHON) -m macros.sitebuild site --pdf

# The tests spend much of their time waiting for Chromium, timers and builds: one pytest-xdist worker more than
# there are cores keeps every core busy (four were slower than three on 2 cores). The site is built once and shared
# by the workers; tests of one printed PDF, or of the one visit to every page (tests/sweep.py), stay on one worker
# (tests/conftest.py).
WORKERS := $(shell n=$$(nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null) && echo $$((n + 1)) || echo auto)
PYTEST  := $(PYTHON) -m pytest -n $(WORKERS) --dist loadgroup

test: lint node_modules/.installed  ## Lint, then the whole test suite, browser tests included (under 4 minutes)
	$(PYTEST)

test-fast: lint  ## Lint, then every test that needs no browser and no Java (under a minute)
	$(PYTEST) -m "not slow"

lint: $(VENV)/.installed  ## ruff on the Python code, node --check on our JavaScript (part of both test targets)
	$(VENV)/bin/ruff check .
	@if command -v node >/dev/null 2>&1; then \
	  for file in docs/assets/js/*.js; do node --check "$$file" || exit 1; done; \
	elif [ -n "$$CI" ]; then echo "node is missing; .ci/run must install it" >&2; exit 1; \
	else echo "node not found: JavaScript syntax not checked here (CI installs Node.js)"; fi

lighthouse: $(VENV)/.installed node_modules/.installed  ## Lighthouse scores (mobile) into build/lighthouse/
	$(PYTHON) scripts/lighthouse.py

search-quality: $(VENV)/.installed  ## Share of tests/search_queries.yaml whose page is in search's top 3 (Chromium)
	$(PYTHON) scripts/search_quality.py

benchmark: $(VENV)/.installed  ## CPU time of the build against plain Material with the same pages, into build/benchmark.md
	$(PYTHON) scripts/benchmark_build.py

benchmark-import:  ## Time reading and showing survey exports of 100, 1,000 and 10,000 respondents (Node.js) into build/
	node scripts/benchmark_survey_import.js

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json  ## axe-core for the accessibility tests (skipped locally without npm)
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped (CI installs Node.js)"; fi

clean:
	rm -rf $(VENV) node_modules site site.partial-* site.previous .site.lock build
