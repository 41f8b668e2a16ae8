"""The transport node the test suite uses to talk to osmem-server (test settings only).

The stock 8.x client sends the versioned media type
``application/vnd.elasticsearch+json; compatible-with=8``; osmem-server, the in-memory engine
that speaks the Elasticsearch REST API, answers it with 406.  ``college.settings.test`` sets
``ELASTICSEARCH_NODE_CLASS`` to :class:`PlainJSONNode`, which sends plain ``application/json``.
Production talks to a real Elasticsearch 8 or 9 cluster with the stock node.
"""

from elastic_transport import Urllib3HttpNode

PLAIN_JSON = "application/json"


class PlainJSONNode(Urllib3HttpNode):
    """A transport node that sends plain ``application/json`` instead of the versioned media type."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers and "vnd.elasticsearch" in headers[name]:
                    headers[name] = PLAIN_JSON
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
