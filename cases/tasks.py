"""Celery tasks that keep the Elasticsearch case index in step (safe to run twice)."""

from celery import shared_task


@shared_task
def index_case(page_id):
    """Index the case if it is live and public, otherwise remove it."""
    from .search.elasticsearch import ElasticsearchCaseSearch

    ElasticsearchCaseSearch().sync_page(page_id)


@shared_task
def remove_case_from_index(page_id):
    from .search.elasticsearch import ElasticsearchCaseSearch

    ElasticsearchCaseSearch().remove(page_id)
