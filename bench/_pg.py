"""What the PostgreSQL benchmarks share: the environment Django runs in
against a benchmark's own database, that database made afresh, gunicorn on a
free port and a signed-in HTTP client."""

import http.client
import os
import socket
import subprocess
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

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


def free_port(host):
    """A port nobody listens on: a server already on a fixed port (someone's
    runserver) would answer the benchmark's requests instead of gunicorn."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def gunicorn_start(env, *, workers, host, port):
    """gunicorn serving Virage with ``env``; returns once it accepts
    connections."""
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "cms.wsgi",
            "-w",
            str(workers),
            "-b",
            f"{host}:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection((host, port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


class SignedInClient:
    """One user signed in through the login form, on a keep-alive connection."""

    def __init__(self, email, password, *, host, port):
        self.email = email
        self.host, self.port = host, port
        # A worker's first request imports the URLconf and compiles templates:
        # on a busy machine that alone can take longer than half a minute.
        self.connection = http.client.HTTPConnection(host, port, timeout=180)
        self.cookies = {}
        self.request("GET", "/compte/connexion/")
        body = urlencode(
            {
                "username": email,
                "password": password,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            }
        )
        status, _ = self.request(
            "POST",
            "/compte/connexion/",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 302, f"login failed for {email}: {status}"

    def request(self, method, path, body=None, headers=None):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {
            "Cookie": cookie,
            "Referer": f"http://{self.host}:{self.port}/",
            **(headers or {}),
        }
        # As bytes, http.client sends a small body in the same packet as the
        # headers; as text it sends it after them, and Nagle's algorithm
        # holds it until the server's delayed ACK (about 40 ms on loopback):
        # every POST would measure that wait instead of Virage.
        if isinstance(body, str):
            body = body.encode()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, data


def concurrently(work, items) -> float:
    """``work(item)`` in a thread per item, all at once; the wall time."""
    threads = [threading.Thread(target=work, args=(item,)) for item in items]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def percentile_ms(latencies, share) -> float:
    """The latency below which ``share`` of the sorted ``latencies`` fall."""
    return round(latencies[max(0, int(len(latencies) * share) - 1)] * 1000, 2)
