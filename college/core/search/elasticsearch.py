"""Elasticsearch client helpers shared by Wagtail's backend and the case index.

Production talks to a real Elasticsearch 8 or 9 cluster with the stock 8.x
client.  The test suite talks to osmem-server, an in-memory engine that speaks
the same REST API but answers the client's versioned media type
(``application/vnd.elasticsearch+json; compatible-with=8``) with 406; tests
therefore configure ``PlainJSONNode`` through ELASTICSEARCH_NODE_CLASS.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from elastic_transport import Urllib3HttpNode

PLAIN_JSON = "application/json"


class PlainJSONNode(Urllib3HttpNode):
    """A transport node that sends plain ``application/json`` (tests only)."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers and "vnd.elasticsearch" in headers[name]:
                    headers[name] = PLAIN_JSON
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


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
