# Every target sets up its own environment first: a fresh clone needs only Python 3.11+ and make.
# Browser tests also need Chromium (Debian: `apt-get install chromium`), the accessibility tests Node.js/npm
# (axe-core) and the HTML check Java; .ci/run installs all three.

VENV   := .venv
PYTHON := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs

.PHONY: serve build offline check test lighthouse benchmark clean pdf

serve: $(VENV)/.installed  ## Serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## Build the static site into site/; a failed build leaves the previous site/ as it was
	rm -rf site.partial
	$(MKDOCS) build --strict --site-dir site.partial || { rm -rf site.partial; exit 1; }
	rm -rf site.previous
	if [ -d site ]; then mv site site.previous; fi
	mv site.partial site
	rm -rf site.previous

offline: $(VENV)/.installed  ## Build the offline edition (opens from file://, with search and the PDFs) as docs/downloads/*.zip
	rm -rf build/offline
	PRINT_PDF=1 OFFLINE=true $(MKDOCS) build --strict -f mkdocs-offline.yml --site-dir build/offline/lerende-organisatie
	$(PYTHON) -m macros.print_pdf build/offline/lerende-organisatie
	mkdir -p docs/downloads
	cd build/offline && $(abspath $(PYTHON)) -m zipfile -c lerende-organisatie-offline.zip lerende-organisatie
	mv build/offline/lerende-organisatie-offline.zip docs/downloads/

check: $(VENV)/.installed  ## Check data/dimensions.yaml and explain every problem
	$(PYTHON) -m macros.check

pdf: $(VENV)/.installed  ## Build the site plus every printed product as a PDF file in site/pdf/ (needs Chromium)
	PRINT_PDF=1 $(MAKE) build
	$(PYTHON) -m macros.print_pdf site

test: $(VENV)/.installed node_modules/.installed  ## Run the whole test suite
	$(PYTHON) -m pytest

lighthouse: $(VENV)/.installed node_modules/.installed  ## Lighthouse scores (mobile) into build/lighthouse/
	$(PYTHON) scripts/lighthouse.py

benchmark: $(VENV)/.installed  ## CPU time of the build against plain Material with the same pages, into build/benchmark.md
	$(PYTHON) scripts/benchmark_build.py

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json  ## axe-core for the accessibility tests (skipped locally without npm)
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped (CI installs Node.js)"; fi

clean:
	rm -rf $(VENV) node_modules site site.partial site.previous build
