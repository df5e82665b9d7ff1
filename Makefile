# Friendship Atlas — every command sets itself up on a fresh Debian machine with Python 3.11.
#   make run    create the venv, install what is missing, start the app
#   make test   same set-up, then check the data, lint, and run the whole test suite

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
ADDRESS ?= 127.0.0.1
PORT ?= 8501
# Chromium renders chart exports (kaleido) and drives the browser tests; the Noto fonts carry
# the Vietnamese diacritics into exported images; rsvg-convert draws the flags for the briefing
# pack; pdftoppm (poppler-utils) renders PDF pages for the tests.
DEBIAN_PACKAGES := chromium fonts-noto-core fonts-dejavu-core librsvg2-bin poppler-utils

.PHONY: run test check-data lint bench backup setup system-deps clean

run: setup
	$(BIN)/streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

test: setup check-data lint
	$(BIN)/python -m pytest

check-data: $(STAMP)
	$(BIN)/python -m components.check_data

lint: $(STAMP)
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python -m bench.run_all

# data/ is the atlas's whole state (the editor's history included): one archive per call.
backup:
	@mkdir -p backups
	tar -czf backups/data-$$(date -u +%Y%m%d-%H%M%S).tar.gz data
	@ls -1t backups | head -1

setup: $(STAMP) system-deps

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

system-deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
