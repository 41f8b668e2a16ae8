"""Importing the settings writes nothing; the files of the embedded default are made where needed."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from college.core.embedded import ensure_embedded_directories

ROOT = Path(__file__).resolve().parents[2]
IMPORT = "import importlib, sys; importlib.import_module(sys.argv[1])"


def clean_env(var_dir, **extra):
    """The environment of a fresh checkout: nothing of this process's settings, var/ elsewhere."""
    dropped = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "STATIC_ROOT", "MEDIA_ROOT"}
    env = {k: v for k, v in os.environ.items() if k not in dropped and k != "PRIVATE_MEDIA_ROOT"}
    return {**env, "COLLEGE_VAR_DIR": str(var_dir), **extra}


def import_settings(module, env):
    return subprocess.run(
        [sys.executable, "-c", IMPORT, module], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "module, extra",
    [
        ("college.settings.base", {}),
        ("college.settings.dev", {"SECRET_KEY": "dev-key-from-the-environment"}),
        ("college.settings.test", {}),
        ("college.settings.production", {"SECRET_KEY": "p" * 60, "ALLOWED_HOSTS": "college.example.org"}),
    ],
)
def test_importing_the_settings_creates_nothing(tmp_path, module, extra):
    var_dir = tmp_path / "fresh-var"
    result = import_settings(module, clean_env(var_dir, **extra))
    assert result.returncode == 0, result.stderr
    assert not var_dir.exists()
    assert list(tmp_path.iterdir()) == []


def test_dev_settings_without_a_key_say_how_to_make_one_and_write_nothing(tmp_path):
    var_dir = tmp_path / "fresh-var"
    result = import_settings("college.settings.dev", clean_env(var_dir))
    assert result.returncode != 0
    assert "No SECRET_KEY" in result.stderr
    assert "make run" in result.stderr
    assert str(var_dir / "secret_key") in result.stderr
    assert not var_dir.exists()


def test_the_prepare_step_writes_one_private_key_that_the_dev_settings_keep(tmp_path):
    var_dir = tmp_path / "fresh-var"
    env = clean_env(var_dir)
    script = [sys.executable, "scripts/dev-secret-key.py"]
    subprocess.run(script, cwd=ROOT, env=env, check=True, timeout=120)
    key_file = var_dir / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    subprocess.run(script, cwd=ROOT, env=env, check=True, timeout=120)  # a restart keeps the key
    assert key_file.read_text() == key
    printed = subprocess.run(
        [sys.executable, "-c", "from college.settings import dev; print(dev.SECRET_KEY)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.stdout.strip() == key
    assert sorted(path.name for path in var_dir.iterdir()) == ["secret_key"]


def test_collecting_the_tests_creates_no_var_directory(tmp_path):
    var_dir = tmp_path / "fresh-var"
    env = clean_env(var_dir, DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/college"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/core/test_migrations.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "test_migrations.py" in result.stdout
    assert not var_dir.exists()


def test_django_makes_the_directory_of_an_embedded_sqlite_database_and_broker(tmp_path):
    databases = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db" / "college.sqlite3")},
        "memory": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    }
    broker = f"sqla+sqlite:///{tmp_path / 'broker' / 'celery.sqlite3'}"
    assert sorted(ensure_embedded_directories(databases, broker)) == [tmp_path / "broker", tmp_path / "db"]
    assert ensure_embedded_directories(databases, broker) == []  # already there


def test_with_postgresql_and_redis_django_makes_no_directory(tmp_path):
    databases = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": str(tmp_path / "missing" / "college")}}
    assert ensure_embedded_directories(databases, "redis://127.0.0.1:6379/0") == []
    assert list(tmp_path.iterdir()) == []


def test_the_test_settings_make_no_directory_when_django_starts():
    # PostgreSQL and Redis: the core app's start-up check finds no embedded file.
    assert ensure_embedded_directories() == []


def test_a_visibility_timeout_shorter_than_a_task_is_refused_at_start(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from college.celery import app

    assert app.conf.broker_transport_options["visibility_timeout"] == settings.CELERY_VISIBILITY_TIMEOUT
    assert app.conf.task_time_limit == settings.CELERY_TASK_TIME_LIMIT
    call_command("check")
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
    with pytest.raises(SystemCheckError, match="CELERY_VISIBILITY_TIMEOUT"):
        call_command("check")
