# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
# The suite runs on every core (pytest-xdist), one test file per worker at a time.
PYTEST_ARGS ?= -n auto --dist loadfile

.PHONY: install setup run demo prod test test-postgres lint format bench messages clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# h5p-standalone's preinstall script demands yarn; its dist/ needs no build step.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

install: $(STAMP) node_modules/.package-lock.json

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_municipalities
	# The demo certificate's e-mail links to where `make run` serves (HOST).
	WAGTAILADMIN_BASE_URL=http://$(HOST) $(PY) manage.py load_demo_data

run: setup
	$(PY) manage.py runserver $(HOST)

demo: setup

# Production-like: gunicorn + Celery worker + beat (Procfile), production
# settings, local PostgreSQL and Redis (scripts/prod.sh says what it sets).
prod: install
	scripts/prod.sh

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	@ls bench/*.py >/dev/null 2>&1 && for b in bench/[!_]*.py; do $(PY) $$b; done || echo "No benchmark yet."

messages: install
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules
	$(PY) manage.py makemessages -d djangojs -l en --no-obsolete --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages -l en --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media static_collected
