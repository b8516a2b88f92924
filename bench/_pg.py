"""What the PostgreSQL benchmarks share: the environment Django runs in
against a benchmark's own database, and that database made afresh."""

import os
import subprocess
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def django_env(database, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def database_recreate(database, env):
    """Drop and create ``database``, then migrate it with ``env``."""
    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as c:
        c.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {database}")
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
    )
