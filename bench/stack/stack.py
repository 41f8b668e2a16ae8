"""The production stack the benchmark measures: PostgreSQL, Redis, ``make serve`` and a Celery worker.

Everything is made fresh for a run and removed at the end, whatever happens: a database of its own
(dropped and created again), one Redis database number (cache and Celery broker, flushed), a var
directory under ``var/bench/`` (static files, media, mail), the server started by ``make serve`` so
that whatever ``make serve`` does in production is what gets measured.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", "5432", "postgres"


def log(message):
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def free_port(preferred=0, span=50):
    """The first port from ``preferred`` on (``span`` ports) that nobody listens on, else one the
    system picks. Ports in TIME_WAIT from an earlier server count as free, as gunicorn reuses them."""
    candidates = list(range(preferred, preferred + span)) if preferred else []
    for port in candidates + [0]:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("0.0.0.0", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError("no free port")


def psql(sql, database="postgres"):
    """Run one SQL statement as the PostgreSQL superuser; returns its output (unaligned, tuples only)."""
    result = subprocess.run(
        ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", database, "-Atqc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def drop_database(name):
    """Drop ``name`` after ending the connections to it (only that database's own)."""
    psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()")
    psql(f'DROP DATABASE IF EXISTS "{name}"')


def create_database(name):
    drop_database(name)
    psql(f'CREATE DATABASE "{name}"')


def database_url(name):
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


class ProcessGroup:
    """A child process in a session of its own, so that it and all its children stop together."""

    def __init__(self, name, argv, env, log_path):
        self.name = name
        self.log_path = log_path
        self.log_file = open(log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )

    def running(self):
        return self.process.poll() is None

    def stop(self, grace=15):
        if self.running():
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
            except ProcessLookupError:
                pass
        self.log_file.close()

    def tail(self, lines=30):
        try:
            return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class Stack:
    """One production-style site: its environment, database, server and worker.

    ``database``: the PostgreSQL database (created fresh by ``create()``); ``redis_db``: the Redis
    database number for cache and broker; ``port``: where ``make serve`` listens (127.0.0.1 is
    measured); ``var_dir``: static files, media and mail of this stack; ``extra_env``: more settings
    (e.g. ``ELASTICSEARCH_URL``).
    """

    def __init__(self, database, redis_db, port, var_dir, extra_env=None, workers=None):
        self.database = database
        self.redis_db = redis_db
        self.port = port
        self.var_dir = Path(var_dir)
        self.extra_env = dict(extra_env or {})
        self.workers = workers
        self.secret_key = secrets.token_urlsafe(50)  # one per run, shared by server, worker and this process
        self.server = None
        self.worker = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def redis_url(self):
        return f"redis://127.0.0.1:6379/{self.redis_db}"

    @property
    def cache_prefix(self):
        return f"college-{self.database}"

    def env(self):
        """The environment of every process of this stack (production settings for localhost)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "BENCH_"))}
        for name in ("DATABASE_URL", "TEST_REDIS_URL", "REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
            env.pop(name, None)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "college.settings.production",
                "SECRET_KEY": self.secret_key,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "CSRF_TRUSTED_ORIGINS": self.base_url,
                "SITE_URL": self.base_url,
                # Plain HTTP on the loopback: no redirect to HTTPS, no HSTS (a proxy would add it).
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_HSTS_SECONDS": "0",
                "DATABASE_URL": database_url(self.database),
                "REDIS_URL": self.redis_url,
                "CACHE_KEY_PREFIX": self.cache_prefix,
                "CELERY_BROKER_URL": self.redis_url,
                "COLLEGE_VAR_DIR": str(self.var_dir),
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "LOG_LEVEL": "WARNING",
                "PORT": str(self.port),
                "PYTHONUNBUFFERED": "1",
            }
        )
        if self.workers:
            env["WEB_CONCURRENCY"] = str(self.workers)
        env.update(self.extra_env)
        return env

    # -- preparing ---------------------------------------------------------------------------
    def create(self):
        """Fresh database and var directory; empty Redis database."""
        if self.var_dir.exists():
            shutil.rmtree(self.var_dir)
        (self.var_dir / "log").mkdir(parents=True)
        create_database(self.database)
        self.flush_redis()

    def manage(self, *args, quiet=True):
        """``manage.py <args>`` with this stack's environment; raises with its output on failure."""
        started = time.perf_counter()
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=self.env(), capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        if not quiet:
            print(result.stdout.strip())
        return time.perf_counter() - started

    def prepare(self):
        """Migrate, compile messages, seed the demo content (``make serve`` collects static files)."""
        self.create()
        log(f"database {self.database}: migrating …")
        took = self.manage("migrate", "--noinput", "-v", "0")
        log(f"  migrated in {took:.0f} s; seeding the demo content …")
        took = self.manage("seed_demo")
        log(f"  seeded in {took:.0f} s")

    # -- running -----------------------------------------------------------------------------
    def start(self, worker=True, timeout=300):
        """``make serve`` on ``port`` (and a Celery worker); returns when the home page answers 200."""
        log(f"starting make serve on {self.base_url} (database {self.database}) …")
        self.server = ProcessGroup(
            "make serve", ["make", "--no-print-directory", "serve"], self.env(), self.var_dir / "log" / "serve.log"
        )
        if worker:
            # The command of docs/deployment.md (no beat: nothing measured is scheduled).
            self.worker = ProcessGroup(
                "celery worker",
                [
                    str(ROOT / ".venv/bin/celery"),
                    "-A",
                    "college",
                    "worker",
                    "--loglevel",
                    "WARNING",
                    "--concurrency",
                    "2",
                ],
                self.env(),
                self.var_dir / "log" / "worker.log",
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.server.running():
                raise RuntimeError(f"make serve exited ({self.server.process.returncode}):\n{self.server.tail()}")
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=10) as response:
                    if response.status == 200:
                        log(f"  server ready ({self.server_pids()})")
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(1)
        raise RuntimeError(f"the server did not answer within {timeout} s:\n{self.server.tail()}")

    def server_pids(self):
        """The gunicorn processes of this stack (master and workers), found by their process group."""
        if not self.server:
            return []
        return _group_pids(self.server.process.pid, "gunicorn")

    def server_cpu_seconds(self):
        """CPU time (user + system) the gunicorn processes have used so far."""
        return _cpu_seconds(self.server_pids())

    def worker_cpu_seconds(self):
        """CPU time of the Celery worker and its children so far."""
        if not self.worker:
            return 0.0
        return _cpu_seconds(_group_pids(self.worker.process.pid))

    def stop(self):
        for group in (self.server, self.worker):
            if group is not None:
                group.stop()
        self.server = self.worker = None

    def flush_redis(self):
        subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "-n", str(self.redis_db), "FLUSHDB"],
            check=True,
            capture_output=True,
        )

    def destroy(self, keep_database=False):
        self.stop()
        if not keep_database:
            drop_database(self.database)
        self.flush_redis()

    def connection_count(self):
        """Connections open to this stack's database right now (all clients)."""
        return int(psql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{self.database}'") or 0)

    def dump(self, path):
        subprocess.run(
            ["pg_dump", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-Fc", "-Z", "1", "-f", str(path), self.database],
            check=True,
        )

    def restore(self, path):
        create_database(self.database)
        subprocess.run(
            [
                "pg_restore",
                "-h",
                PG_HOST,
                "-p",
                PG_PORT,
                "-U",
                PG_USER,
                "-d",
                self.database,
                "--no-owner",
                "-j",
                "2",
                str(path),
            ],
            check=True,
        )
        psql("ANALYZE", database=self.database)


def _group_pids(pgid, command_contains=""):
    """Processes of process group ``pgid`` (optionally whose command line contains a word)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and command_contains in cmdline:
            pids.append(int(entry.name))
    return sorted(pids)


def _cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def git_commit():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
