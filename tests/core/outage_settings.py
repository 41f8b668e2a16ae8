"""The production settings, as the gunicorn of tests/core/test_database_outage.py runs them.

Only one change: static files from the apps' folders instead of collectstatic's manifest, so that
the test need not collect every static file of Wagtail before it starts.  The database pool, the
middleware and everything else are production's.
"""

from college.settings.production import *  # noqa: F403
from college.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# No page cache: the test asks what a request that needs the database answers while PostgreSQL is
# down, and a page cached before the outage would (rightly) still be served from Redis.
PAGE_CACHE_SECONDS = 0
