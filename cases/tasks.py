"""Celery tasks that keep the Elasticsearch case index in step (safe to run twice).

Both re-read the page and write its current state (or delete it) by page id, so a task run twice,
or handed out again after its worker died half-way (acks_late: acknowledged only when done,
given back when the worker process is lost), leaves the index right (issue #12.8).
"""

from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def index_case(page_id):
    """Index the case if it is live and public, otherwise remove it."""
    from .search.elasticsearch import ElasticsearchCaseSearch

    ElasticsearchCaseSearch().sync_page(page_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def remove_case_from_index(page_id):
    from .search.elasticsearch import ElasticsearchCaseSearch

    ElasticsearchCaseSearch().remove(page_id)
