"""Settings for the Celery workers of tests/cases/test_index_worker.py.

The test settings, plus a test-only barrier inside ``index_case``: with CASES_TEST_PAUSE_DIR set,
the first ``sync_page`` of a worker pool process reads the case from the database, leaves a file
``paused`` in that directory and then waits until it is killed — between "case read" and "index
written".  Once ``paused`` exists, later runs go straight through.  No sleeps: the test waits for
the file, kills the pool process, and waits for the index.
"""

import os
import threading
from pathlib import Path

from celery.signals import worker_process_init

from college.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CASES_TEST_PAUSE_DIR = os.environ.get("CASES_TEST_PAUSE_DIR", "")


@worker_process_init.connect
def pause_the_first_index_update(**kwargs):
    if not CASES_TEST_PAUSE_DIR:
        return
    from cases.search import elasticsearch

    marker = Path(CASES_TEST_PAUSE_DIR) / "paused"
    case_to_document = elasticsearch.case_to_document

    def case_to_document_or_wait(case):
        document = case_to_document(case)
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            threading.Event().wait()  # until the test kills this process
        return document

    elasticsearch.case_to_document = case_to_document_or_wait
