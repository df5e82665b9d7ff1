# Friendship Atlas — every command sets itself up on a fresh Debian machine with Python 3.11.
#   make run    create the venv, install what is missing, start the app
#   make test   same set-up, then check the data, lint, and run the whole test suite
#   make check-pack  the briefing pack drawn by LibreOffice Impress (installs it; slow, so not in make test)

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
ADDRESS ?= 127.0.0.1
PORT ?= 8501
# Chromium renders chart exports (kaleido) and drives the browser tests; the Noto fonts carry
# the Vietnamese diacritics into exported images; rsvg-convert draws the flags for the briefing
# pack; pdftoppm (poppler-utils) renders PDF pages for the tests; Liberation Sans 2 (Arial's metrics,
# every Vietnamese letter) is the briefing PDF's font, and Impress's stand-in for the PPTX's Arial.
DEBIAN_PACKAGES := chromium fonts-noto-core fonts-dejavu-core fonts-liberation2 librsvg2-bin poppler-utils
# LibreOffice Impress draws the PPTX pack for `make check-pack` (large; the app does not need it).
PACK_PACKAGES := libreoffice-impress

.PHONY: run test check-pack check-data lint bench backup setup system-deps clean

run: setup
	$(BIN)/streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

test: setup check-data lint
	$(BIN)/python -m pytest

# The PPTX pack of every case as Impress draws it: no text outside its box, none over the footer.
check-pack: setup
	@$(MAKE) --no-print-directory system-deps DEBIAN_PACKAGES="$(PACK_PACKAGES)"
	$(BIN)/python -m pytest -m pack_render tests/components/test_briefing_render.py

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
