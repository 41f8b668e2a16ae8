"""A worker killed in the middle of an index update: the task comes back and the index ends right (issue #12.8)."""

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from cases.search import CaseQuery, get_case_search
from cases.search.elasticsearch import ElasticsearchCaseSearch
from cases.tasks import index_case
from college.celery import app as celery_app
from tests.celery_workers import start_worker

from .factories import CasePageFactory

pytestmark = [pytest.mark.worker, pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout=120, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def worker(monkeypatch, settings, elasticsearch_url, tmp_path):
    """One prefork worker (one pool process) on a queue of its own, indexing into osmem."""
    queue = f"test-cases-{uuid.uuid4().hex[:8]}"
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    process = start_worker(
        queue,
        name=f"{queue}@%h",
        env={
            "DJANGO_SETTINGS_MODULE": "tests.cases.worker_settings",
            "TEST_REDIS_URL": settings.CELERY_BROKER_URL,
            "ELASTICSEARCH_URL": elasticsearch_url,
            "ELASTICSEARCH_INDEX_PREFIX": "worker",
            "CASES_TEST_PAUSE_DIR": str(tmp_path),
        },
        pool="prefork",
        concurrency=1,
    )
    process.queue = queue
    process.marker = Path(tmp_path) / "paused"
    yield process
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def documents_of(es, page_id):
    es.client.indices.refresh(index=es.alias)
    response = es.client.search(index=es.alias, query={"term": {"page_id": page_id}}, size=10)
    return [hit["_source"] for hit in response["hits"]["hits"]]


def test_an_index_update_killed_half_way_is_redone_by_the_worker(settings, library, worker, elasticsearch_url):
    # The case is saved first (no index yet: the database search needs none), then its index
    # task goes to the real worker, whose first attempt is killed after reading the case.
    case = CasePageFactory(parent=library, title="工人重启后仍被索引的案例")
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX_PREFIX = "worker"
    es = ElasticsearchCaseSearch()
    es.ensure_index()

    index_case.apply_async(args=[case.pk], queue=worker.queue)
    wait_for(worker.marker.exists, what="the index update to start")
    pool_pid = int(worker.marker.read_text())
    assert documents_of(es, case.pk) == []  # killed before anything was written
    os.kill(pool_pid, signal.SIGKILL)

    # acks_late + reject_on_worker_lost: the message goes back to the queue, a new pool process
    # takes it and finishes the update.
    wait_for(lambda: documents_of(es, case.pk), what="the redelivered update")
    # And a duplicate (the same task once more) changes nothing.
    index_case.apply_async(args=[case.pk], queue=worker.queue)
    case.title = "工人重启后仍被索引的案例（修订）"
    settings.ELASTICSEARCH_URL = ""  # the test's own publish must not index in-process
    case.save_revision().publish()
    settings.ELASTICSEARCH_URL = elasticsearch_url
    index_case.apply_async(args=[case.pk], queue=worker.queue)
    wait_for(lambda: [d["title"] for d in documents_of(es, case.pk)] == [case.title], what="the second update")
    assert [hit.title for hit in get_case_search().search(CaseQuery(q="工人重启", language="zh-hans")).hits] == [
        case.title
    ]
