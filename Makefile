# Every target sets up its own environment first: a fresh clone needs only Python 3.11+ and make.
# Browser tests also need Chromium (Debian: `apt-get install chromium`); .ci/run installs it.

VENV   := .venv
PYTHON := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs

.PHONY: serve build check test clean cards

serve: $(VENV)/.installed  ## Serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## Build the static site into site/
	$(MKDOCS) build --strict

check: $(VENV)/.installed  ## Check data/dimensions.yaml and explain every problem
	$(PYTHON) -m macros.check

cards: $(VENV)/.installed  ## Build the site plus the card deck as PDF files (A6 and A5) in site/kaartenset/
	KAARTENSET_PDF=1 $(MKDOCS) build --strict
	$(PYTHON) -m macros.cards_pdf site

test: $(VENV)/.installed  ## Run the whole test suite
	$(PYTHON) -m pytest

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) site
