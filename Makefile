# Two commands for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Where the demo is served: its Site record, and the links of e-mails and commands without a request.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
# A throwaway production environment, only for `check --deploy`.
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=cms.settings.production REDIS_URL=redis://127.0.0.1:6379/0 \
	SECRET_KEY=check-deploy-$$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n') \
	ALLOWED_HOSTS=kotoutuminen.example

.PHONY: run test install install-dev migrate demo check lint bench messages clean services services-stop bench-search

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=python3" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

check: install-dev
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run --noinput
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING

lint: install-dev
	$(VENV)/bin/ruff check .

# Parallel pytest processes (pytest-xdist), given the tests in the order tests/conftest.py puts
# them, a browser module in one process; `TEST_PROCESSES=0` runs them in this one. With REDIS_URL
# set the tests share its database and each test empties it (FLUSHDB): then they run in one.
TEST_PROCESSES ?= $(if $(REDIS_URL),0,2)

# `make check`'s three checks are tests too (tests/test_project_checks.py): they run beside the others.
test: lint
	$(VENV)/bin/pytest -n $(TEST_PROCESSES) --dist loadgroup --no-loadscope-reorder

# Dataset in bench/data/ (or BENCH_DATABASE_URL), query counts, render latency, gunicorn load;
# writes bench/results.md. See README.md, "Performance".
bench: install
	$(PY) -m bench

# SQLite, PostgreSQL and OpenSearch search latency over 10 000 pages, OpenSearch start and
# update_index times; writes bench/results-search.md. See README.md, "Search".
bench-search: install
	$(PY) -m bench.search

# PostgreSQL, Redis and a single-node OpenSearch on 127.0.0.1 (installed from Debian's packages
# and Maven Central when missing); prints the URLs to export. Not needed by `run` and `test`.
# See README.md, "Services".
services:
	scripts/services.sh start

services-stop:
	scripts/services.sh stop

messages: install-dev
	$(MANAGE) makemessages -l fi -l sv -l en --no-location --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'
	$(MANAGE) compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
