"""Directories of the embedded default (SQLite database and Celery broker under var/).

SQLite creates its file but not the directory it lives in.  The settings must not write when
imported, so the core app calls :func:`ensure_embedded_directories` when Django starts: with the
embedded default it creates the directory of each SQLite file the settings name; with PostgreSQL
and Redis (production, the test suite) it creates nothing.
"""

from pathlib import Path

from django.conf import settings

SQLITE_BROKER_PREFIX = "sqla+sqlite:///"


def embedded_sqlite_files(databases: dict | None = None, broker_url: str | None = None) -> list[Path]:
    """The SQLite files in use (default: the settings'): the database and the Celery broker, when embedded."""
    databases = settings.DATABASES if databases is None else databases
    broker = (getattr(settings, "CELERY_BROKER_URL", "") if broker_url is None else broker_url) or ""
    files = []
    for database in databases.values():
        name = str(database.get("NAME") or "")
        if database.get("ENGINE") == "django.db.backends.sqlite3" and name and not _in_memory(name):
            files.append(Path(name))
    if broker.startswith(SQLITE_BROKER_PREFIX):
        path = broker.removeprefix(SQLITE_BROKER_PREFIX).split("?", 1)[0]
        if path and not _in_memory(path):
            files.append(Path(path))
    return files


def ensure_embedded_directories(databases: dict | None = None, broker_url: str | None = None) -> list[Path]:
    """Create the missing directories of the embedded SQLite files; return those created."""
    created = []
    for directory in dict.fromkeys(path.parent for path in embedded_sqlite_files(databases, broker_url)):
        if not directory.exists():
            directory.mkdir(parents=True, exist_ok=True)
            created.append(directory)
    return created


def _in_memory(name: str) -> bool:
    return name == ":memory:" or name.startswith("file::memory:") or "mode=memory" in name
