# Fengqiao College Platform — the commands of the README.
#   make run    install what is missing, migrate, seed the demo and serve with a worker
#   make test   run the whole suite on PostgreSQL, Redis, osmem and Chromium
#   make lint   ruff, djlint and mypy (the pre-commit hook runs the same)
#   make serve  production-style server (gunicorn + whitenoise, production settings)
#   make bench  benchmarks that measure and report (never part of make test)
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: dev-key git-setup makemessages run test lint format serve bench system-deps venv messages prepare services worker help

help:
	@sed -n '2,7p' Makefile

system-deps:
	@bash scripts/system-deps.sh

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e ".[test]"
	@touch $@

venv: $(VENV)/.installed

# manage.py runs college.settings.dev, which reads var/secret_key and never
# writes it: every target that runs manage.py with them makes the key first.
dev-key: venv
	@$(PY) scripts/dev-secret-key.py

messages: dev-key
	$(PY) manage.py compilemessages -v 0 --ignore=.venv

prepare: system-deps venv messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py seed_demo

run: prepare
	@$(PY) manage.py demo_logins
	@PORT=$(PORT) bash scripts/run-dev.sh

services:
	@bash scripts/test-services.sh

test: system-deps venv messages services
	bash scripts/run-tests.sh

# The same checks as .pre-commit-config.yaml, over the whole tree (rules in pyproject.toml).
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates college exhibits courses cases --lint
	$(VENV)/bin/mypy

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

serve: venv messages
	DJANGO_SETTINGS_MODULE=college.settings.production $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=college.settings.production $(VENV)/bin/gunicorn -c college/gunicorn_conf.py --bind 0.0.0.0:$(PORT)

# make bench                       the whole-stack benchmark (docs/benchmarks.md)
# make bench BENCH_ARGS="--quick"   shorter; also --only SECTION,…  --duration S
# make bench BENCH=all              and then every per-part benchmark bench/*.py (BENCH=parts: those only)
BENCH ?= stack
bench: system-deps venv messages services
	@COLLEGE_BENCH_DEPS=1 bash scripts/system-deps.sh
	bash scripts/run-benchmarks.sh $(BENCH) $(BENCH_ARGS)

# Merge gettext catalogues per message instead of per line (.gitattributes), and
# install the pre-commit hook (the checks of make lint) when pre-commit is in .venv.
# --allow-missing-config: branches made before .pre-commit-config.yaml commit as before.
git-setup:
	git config merge.po.name "gettext catalogue, per message"
	git config merge.po.driver "python3 scripts/merge-po.py %O %A %B"
	@if [ -x $(VENV)/bin/pre-commit ]; then $(VENV)/bin/pre-commit install --allow-missing-config; \
	else echo "pre-commit is not installed (make venv installs it); no git hook installed"; fi

# Extract translatable strings: the project catalogue (templates/, core,
# accounts) and one catalogue per app, so that each app owns its strings.
# Catalogues are sorted and carry no source locations (core's makemessages).
APP_LOCALES := exhibits courses cases college/visits college/certificates college/organisations
makemessages: dev-key
	$(PY) manage.py makemessages -l zh_Hans -l en --no-obsolete \
	  $(foreach d,$(APP_LOCALES) .venv var node_modules,--ignore=$(d)/*)
	$(PY) manage.py makemessages -d djangojs -l zh_Hans -l en --no-obsolete --ignore=.venv/* --ignore=var/* --ignore=node_modules/* --ignore=staticfiles/*
	@for app in $(APP_LOCALES); do (cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l zh_Hans -l en --no-obsolete); done
