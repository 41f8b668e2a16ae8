"""The COLLEGE_TEST_DATE hook of tests/conftest.py travels the clock of a test run."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import datetime
    import time

    from django.utils import timezone


    def test_clock():
        now = timezone.localtime()
        assert timezone.localdate() == datetime.date(2028, 2, 29)
        assert datetime.date.today() == datetime.date(2028, 2, 29)
        assert (now.hour, str(now.tzinfo)) == (10, "Asia/Shanghai")
        assert datetime.date.fromtimestamp(time.time()) == datetime.date(2028, 2, 29)
    """
)


def run_probe(date: str) -> subprocess.CompletedProcess:
    probe = ROOT / "tests" / "core" / f"test_probe_clock_{os.getpid()}.py"
    probe.write_text(PROBE)
    env = {**os.environ, "COLLEGE_TEST_DATE": date}
    try:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        probe.unlink()


def test_college_test_date_travels_django_and_python_clocks():
    result = run_probe("2028-02-29")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("value", ["2027-02-29", "tomorrow"])
def test_a_bad_college_test_date_is_refused(value):
    result = run_probe(value)
    assert result.returncode == 4 and "is not a date YYYY-MM-DD" in result.stderr
