"""A PostgreSQL cluster of a test's own, in a temporary directory on a free port.

For failure tests that must stop and restart PostgreSQL: the shared server on 5432 is never
touched.  ``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres``
system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (/usr/lib/postgresql/*/bin)")
    return found[-1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivatePostgres:
    """``start()``, ``stop()``, ``url(database)``, ``remove()``; trust authentication for ``postgres``."""

    def __init__(self, max_connections: int = 30):
        self.port = free_port()
        self.max_connections = max_connections
        self.root = Path(tempfile.mkdtemp(prefix="college-private-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.root.chmod(0o700)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._run(_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def _run(self, *argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as_user, *argv], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            f"-c max_connections={self.max_connections} -c fsync=off -c full_page_writes=off"
        )
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        """A fast shutdown: every connection is ended, as in a restart of the server."""
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        status = subprocess.run([*self._as_user, _bin("pg_ctl"), "-D", str(self.data), "status"], capture_output=True)
        return status.returncode == 0

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-Atqc", sql
        ).stdout.strip()

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        if self.data.exists() and self.running():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
