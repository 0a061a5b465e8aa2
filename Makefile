# Every target sets up its own environment first: a fresh clone needs only Python 3.11+ and make.
# Browser tests also need Chromium (Debian: `apt-get install chromium`), the accessibility tests Node.js/npm
# (axe-core) and the HTML check Java; .ci/run installs all three.

VENV   := .venv
PYTHON := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs

.PHONY: serve build check test lighthouse benchmark clean

serve: $(VENV)/.installed  ## Serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## Build the static site into site/
	$(MKDOCS) build --strict

check: $(VENV)/.installed  ## Check data/dimensions.yaml and explain every problem
	$(PYTHON) -m macros.check

test: $(VENV)/.installed node_modules/.installed  ## Run the whole test suite
	$(PYTHON) -m pytest

lighthouse: $(VENV)/.installed node_modules/.installed  ## Lighthouse scores (mobile) into build/lighthouse/
	$(PYTHON) scripts/lighthouse.py

benchmark: $(VENV)/.installed  ## Time builds of 8, 80 and 800 dimensions against plain Material into build/
	$(PYTHON) scripts/benchmark_build.py

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) node_modules site build
