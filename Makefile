# Two commands matter: `make run` and `make test`. Both create the virtualenv when needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Settings build the default SITE_URL (links in e-mails) from these, so `make run PORT=8001`
# and `make worker PORT=8001` link to the server on 8001. A SITE_URL set anywhere wins.
export HOST PORT

.PHONY: run test lint format migrate seed worker beat check-deploy clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo ""
	@echo "  API:    http://$(HOST):$(PORT)/api/v1/   (docs: http://$(HOST):$(PORT)/api/v1/docs/)"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

worker: $(VENV)/.installed
	$(VENV)/bin/celery -A config worker -l info -Q alerts,analysis,celery

beat: $(VENV)/.installed
	$(VENV)/bin/celery -A config beat -l info

check-deploy: $(VENV)/.installed
	DEBUG=false SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=legstrong.example \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
