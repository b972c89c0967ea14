# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make demo   (creates .venv, installs, runs `npa demo`)
#   make test   (the same set-up, then every test, ruff and mypy)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench fuzz lint typecheck clean

# The exact versions come from constraints.txt; editable_mode=compat puts the checkout on
# sys.path with a plain .pth file, so type checkers see the installed packages (a platform's
# mypy finds engine, contract and storage; the default finder hook hides them).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt \
	  --config-settings editable_mode=compat -e '.[dev]'
	touch $(STAMP)

# mermaid's own parser, for the test that `npa diagram` is valid mermaid (needs node and npm).
MERMAID := $(VENV)/mermaid
$(MERMAID)/.installed:
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p $(MERMAID) && \
	  { npm install --silent --no-audit --no-fund --prefix $(MERMAID) mermaid@11.17.2 jsdom@29.1.1 \
	    && touch $@ || echo "npm install failed: the mermaid parser test will be skipped"; }; \
	else echo "npm not found: the mermaid parser test will be skipped"; fi

# Cucumber's standard HTML reporter, to check that `npa spec --format cucumber-json` is read by it.
REPORTERS := $(VENV)/reporters
$(REPORTERS)/.installed:
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p $(REPORTERS) && \
	  { npm install --silent --no-audit --no-fund --prefix $(REPORTERS) cucumber-html-reporter@7.2.0 \
	    && touch $@ || echo "npm install failed: the Cucumber reporter test will be skipped"; }; \
	else echo "npm not found: the Cucumber reporter test will be skipped"; fi

# Headless Chromium (the page's browser tests), from Debian, when missing and we may install
# (as root); otherwise those tests skip and say why. The SVG diagram needs no graphviz.
$(VENV)/.system-tools:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -z "$$missing" ]; then touch $@; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
	    && touch $@; } || echo "apt-get install$$missing failed: the browser tests will be skipped"; \
	else echo "not root or no apt-get:$$missing missing, the browser tests will be skipped"; fi

demo: $(STAMP)
	$(BIN)/npa demo

test: $(STAMP) $(MERMAID)/.installed $(REPORTERS)/.installed $(VENV)/.system-tools
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python tests/bench.py

# 10,000 fuzzed inputs over every entry point (CLI, dict, objects, JSON, TOML, Gherkin):
# tracebacks and writes on rejection must both be 0 (`make test` runs 2,000).
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz.py --inputs 10000 --seed 1

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
