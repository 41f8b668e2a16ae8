"""Run the booking race on the embedded default (a SQLite file), in its own process.

Usage: python tests/visits/sqlite_race.py VAR_DIR   (prints a JSON summary)
"""

import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

var_dir = sys.argv[1]
os.environ.update(
    {
        "COLLEGE_VAR_DIR": var_dir,
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "SECRET_KEY": "sqlite-race-only",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "college.settings.dev",
        "DEBUG": "false",
    }
)
os.environ.pop("DATABASE_URL")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from college.visits.models import Hall, Slot, local_today  # noqa: E402
from tests.visits.race import run_race  # noqa: E402

assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
call_command("migrate", verbosity=0)
hall = Hall.objects.create(name="SQLite 展厅", capacity=20)
summary = []
for round_ in range(2):
    slot = Slot.objects.create(
        hall=hall,
        date=local_today() + datetime.timedelta(days=7 + round_),
        start=datetime.time(9),
        end=datetime.time(10),
        capacity=20,
    )
    results = run_race(slot.pk, requests=200, max_connections=200, seed=round_)
    summary.append(
        {
            "statuses": sorted({status for _size, status, _body in results}),
            "booked": sum(size for size, status, _body in results if status == 201),
            "taken": slot.count_places_taken(),
            "errors": [body for _size, status, body in results if status >= 500][:3],
        }
    )
print(json.dumps(summary))
