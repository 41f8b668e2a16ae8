"""Elasticsearch client helpers shared by Wagtail's backend and the case index.

Production talks to a real Elasticsearch 8 or 9 cluster with the stock 8.x
client.  ELASTICSEARCH_NODE_CLASS may name another ``elastic_transport`` node
class; the test suite names ``tests.elasticsearch_node.PlainJSONNode`` for
osmem-server (docs/testing.md).
"""

from django.conf import settings
from django.utils.module_loading import import_string


def client_options() -> dict:
    """Extra keyword arguments for every Elasticsearch client of the project."""
    options = {}
    node_class = getattr(settings, "ELASTICSEARCH_NODE_CLASS", "")
    if node_class:
        options["node_class"] = import_string(node_class)
    return options


def get_client(url: str | None = None):
    """An ``elasticsearch.Elasticsearch`` client for ELASTICSEARCH_URL."""
    from elasticsearch import Elasticsearch

    return Elasticsearch(url or settings.ELASTICSEARCH_URL, request_timeout=10, **client_options())
