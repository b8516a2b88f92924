#!/usr/bin/env bash
# `make prod`: the platform as production runs it, on this machine — gunicorn,
# a Celery worker and Celery beat (honcho, Procfile), production settings,
# the local PostgreSQL and Redis, static files compressed and hashed by
# WhiteNoise, demo content. Plain HTTP on 127.0.0.1 (the H5P player on
# localhost, a different origin); e-mails are printed by the worker.
# Every variable below can be overridden from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PATH="$PWD/.venv/bin:$PATH"

answers() { timeout 3 bash -c "</dev/tcp/$1/$2" 2>/dev/null; }
answers 127.0.0.1 5432 || { echo "PostgreSQL does not answer on 127.0.0.1:5432."; exit 1; }
answers 127.0.0.1 6379 || { echo "Redis does not answer on 127.0.0.1:6379 (redis-server --daemonize yes)."; exit 1; }

PORT="${PORT:-8000}"
# A secret kept between runs (sessions survive a restart), never committed.
[ -s .prod-secret-key ] || $PY -c 'import secrets; print(secrets.token_urlsafe(64))' > .prod-secret-key
export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="${SECRET_KEY:-$(cat .prod-secret-key)}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/virage_prod}"
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/1}"
export CELERY_RESULT_BACKEND="${CELERY_RESULT_BACKEND:-redis://127.0.0.1:6379/1}"
export CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/2}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}"
export H5P_PLAYER_ORIGIN="${H5P_PLAYER_ORIGIN:-http://localhost:$PORT}"
export EMAIL_BACKEND="${EMAIL_BACKEND:-cms.mail.ConsoleBackend}"
export EMAIL_HOST="${EMAIL_HOST:-localhost}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}" SECURE_COOKIES="${SECURE_COOKIES:-false}" SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
export BIND="${BIND:-127.0.0.1:$PORT}"
# The one worker takes both queues: e-mails and short jobs (celery), exports,
# imports and certificates (heavy); on several hosts, split them (docs/deployment.md).
export CELERY_QUEUES="${CELERY_QUEUES:-celery,heavy}"

$PY - <<'PY'
import os
from urllib.parse import urlsplit

import psycopg

url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(f'CREATE DATABASE "{name}"')
        print(f"Created database {name}.")
PY
$PY manage.py migrate --noinput -v0
$PY manage.py load_municipalities
$PY manage.py load_demo_data
$PY manage.py collectstatic --noinput -v0
$PY manage.py check --deploy --fail-level ERROR

echo
echo "Virage (production settings): http://127.0.0.1:$PORT/  — H5P player on $H5P_PLAYER_ORIGIN"
echo "Health: http://127.0.0.1:$PORT/health/   Stop: Ctrl-C"
echo
exec .venv/bin/honcho start -f Procfile
