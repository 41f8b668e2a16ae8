"""A burst or a PostgreSQL outage behind the real server: a 503 with Retry-After, never a 500 or a reset.

A PostgreSQL cluster of the test's own (tests/private_postgres.py; the shared server is never
touched) behind a real gunicorn with ``make serve``'s configuration (college/gunicorn_conf.py) and
the production settings with the connection pool (tests/core/outage_settings.py).  The pool is
small on purpose: one worker of 16 threads shares 2 connections and waits at most 1 s for one.
No timing is asserted; the loops that wait for the server are bounded only so that a broken
server fails the test instead of hanging it.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.private_postgres import PrivatePostgres, free_port

ROOT = Path(__file__).resolve().parents[2]
API = "/api/v2/pages/"
BURST = 64
# Bounds of the waiting loops only (a server that never answers fails instead of hanging).
PATIENCE = 120


@dataclass
class Answer:
    status: int | None  # None: the connection was reset or refused
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str = ""

    def json(self):
        return json.loads(self.body)

    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Server:
    """gunicorn -c college/gunicorn_conf.py, as make serve starts it, in a session of its own."""

    def __init__(self, database_url: str, var_dir: Path):
        self.port = free_port()
        self.log_path = var_dir / "gunicorn.log"
        dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "TEST_REDIS_URL"}
        env = {key: value for key, value in os.environ.items() if key not in dropped}
        env.update(
            DJANGO_SETTINGS_MODULE="tests.core.outage_settings",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            DATABASE_URL=database_url,
            COLLEGE_VAR_DIR=str(var_dir),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            DB_POOL_MIN="1",
            DB_POOL_MAX="2",
            DB_POOL_TIMEOUT="1",
            WEB_CONCURRENCY="1",
            WEB_THREADS="16",
            WEB_MAX_REQUESTS="0",
        )
        self.log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "college/gunicorn_conf.py", "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=PATIENCE)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        except OSError as error:  # reset, refused, closed without an answer
            return Answer(None, error=f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    def wait_until(self, path: str, status: int) -> Answer:
        deadline = time.monotonic() + PATIENCE
        answer = self.get(path)
        while answer.status != status and time.monotonic() < deadline:
            assert self.process.poll() is None, self.tail()
            time.sleep(0.5)
            answer = self.get(path)
        return answer

    def booted_workers(self) -> int:
        return self.log_path.read_text(errors="replace").count("Booting worker")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="module")
def postgres():
    cluster = PrivatePostgres(max_connections=30)
    try:
        cluster.start()
        cluster.psql("CREATE DATABASE college")
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "college.settings.test",
                "DATABASE_URL": cluster.url("college"),
            },
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert migrate.returncode == 0, migrate.stderr[-3000:]
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="module")
def server(postgres, tmp_path_factory):
    site = Server(postgres.url("college"), tmp_path_factory.mktemp("outage-var"))
    try:
        answer = site.wait_until(API, 200)
        assert answer.status == 200, site.tail()
        yield site
    finally:
        site.stop()


@pytest.fixture
def running_postgres(postgres):
    """PostgreSQL up at the start of the test, and again after it whatever it did."""
    if not postgres.running():
        postgres.start()
    yield postgres
    if not postgres.running():
        postgres.start()


def assert_no_failure_but_503(answers: list[Answer], server: Server) -> None:
    """Every answer is a 200 or a 503 with Retry-After; no reset, no other 5xx."""
    resets = [answer.error for answer in answers if answer.status is None]
    assert resets == [], f"{resets[:3]}\n{server.tail()}"
    assert {answer.status for answer in answers} <= {200, 503}, server.tail()
    assert all(answer.headers.get("retry-after", "").isdigit() for answer in answers if answer.status == 503)


def burst(server: Server, paths: list[str]) -> list[Answer]:
    """All the requests at the same moment, each on a connection of its own."""
    start = threading.Barrier(len(paths))

    def one(path):
        start.wait()
        return server.get(path)

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return list(pool.map(one, paths))


def test_a_burst_larger_than_the_pool_is_answered_200_or_503_never_reset(server, running_postgres):
    paths = [API if i % 2 else "/en/" if i % 4 else "/" for i in range(BURST)]
    answers = burst(server, paths)
    assert_no_failure_but_503(answers, server)
    assert any(answer.status == 200 for answer in answers)
    for path, answer in zip(paths, answers, strict=True):
        if answer.status == 503 and path == API:
            assert answer.json()["code"] == "unavailable"
    # PostgreSQL never had more connections than the pool's: 2 of gunicorn, plus psql's own.
    connections = int(running_postgres.psql("SELECT count(*) FROM pg_stat_activity WHERE datname = 'college'"))
    assert connections <= 2


def test_an_outage_is_503_in_the_visitors_language_and_the_site_recovers_without_a_restart(server, running_postgres):
    assert server.get(API).status == 200
    answers: list[Answer] = []
    flowing = threading.Event()
    done = threading.Event()

    def flow():
        while not done.is_set():
            answers.append(server.get(API))
            flowing.set()

    traffic = threading.Thread(target=flow)
    traffic.start()
    try:
        flowing.wait(PATIENCE)
        running_postgres.stop()

        api = server.get(API, {"Accept-Language": "en"})
        assert api.status == 503, server.tail()
        assert api.headers["retry-after"].isdigit()
        assert api.json() == {
            "code": "unavailable",
            "errors": {"__all__": ["The site is very busy at the moment. Please try again in a few seconds."]},
            "retry_after": int(api.headers["retry-after"]),
        }
        chinese_api = server.get(API)
        assert chinese_api.json()["errors"]["__all__"] == ["网站此刻访问繁忙，请几秒钟后再试。"]

        page = server.get("/")
        assert page.status == 503
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["retry-after"].isdigit()
        assert '<html lang="zh-hans">' in page.text()
        assert "网站繁忙" in page.text()
        english = server.get("/en/")
        assert english.status == 503
        assert "The site is busy" in english.text()
        assert "网站繁忙" not in english.text()

        health = server.get("/healthz")
        assert health.status == 503
        assert health.headers["retry-after"].isdigit()
        checks = health.json()["checks"]
        assert checks["database"]["ok"] is False
        assert checks["worker"] == {"ok": False, "detail": "not checked: the database is unavailable"}

        running_postgres.start()
        recovered = server.wait_until(API, 200)
        assert recovered.status == 200, server.tail()
    finally:
        done.set()
        traffic.join(PATIENCE)

    assert_no_failure_but_503(answers, server)
    assert 503 in {answer.status for answer in answers}
    # The same worker recovered by itself: no gunicorn restart, no worker replaced.
    assert server.process.poll() is None
    assert server.booted_workers() == 1
    assert server.get("/").status == 200
