# FalseOS. `make run` to try it, `make test` before you push.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-js messages screens lint format check-deploy bench clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

## run: install, migrate and serve on http://127.0.0.1:8000 with SQLite
run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

## test: lint, the JavaScript unit tests, then every test (browser tests included); PYTEST_ARGS narrows it, e.g. PYTEST_ARGS='-m "not browser"'
test: lint test-js
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-js: node --test on the case file's pure modules (Node 18 or newer: Debian's nodejs package)
# The files are named, not a directory: Node 18 and Node 22 read a directory argument differently.
test-js:
	node --test tests/js/*.test.mjs

## messages: the scripts' strings into locale/<LOCALE>/LC_MESSAGES/djangojs.po for translators, e.g. make messages LOCALE=cy
# Only our own scripts: the vendored library, collected static copies and the tests are left out (.venv is a dot folder, skipped anyway).
MESSAGES_IGNORE := --ignore=.venv --ignore=static/js/vendor --ignore=staticfiles --ignore=node_modules --ignore=tests
messages: $(STAMP)
	@test -n "$(LOCALE)" || { echo "Name the language: make messages LOCALE=cy"; exit 1; }
	DEBUG=1 $(BIN)/python manage.py makemessages -d djangojs -l $(LOCALE) $(MESSAGES_IGNORE)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## screens: screenshots of the main views at phone size (390x844) into docs/screens/, for the README
# Needs PostgreSQL or SQLite as the tests do, and Chromium (CHROMIUM_PATH, or /usr/bin/chromium).
screens: $(STAMP)
	$(BIN)/python -m pytest tests/browser/screens.py -p no:randomly -q

## bench: performance ratios, measured side by side in one run
bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
