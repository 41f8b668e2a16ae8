"""Case search on Elasticsearch, written with elasticsearch-dsl.

Searches go to the alias ``<ELASTICSEARCH_INDEX_PREFIX>_cases``; a rebuild
fills a fresh concrete index and then moves the alias in one atomic action,
so searches keep working while it runs.  Chinese analysis:

* ``COLLEGE_CASES_ANALYZER = "cjk"`` (default): the standard tokenizer with
  ``cjk_width``, ``lowercase`` and ``cjk_bigram`` — works on a stock
  Elasticsearch with no plugin.  Each query term is a phrase of bigrams, so
  a two-character word is found inside a longer run of characters.
* ``"ik_max_word"`` (analysis-ik plugin; searches with ``ik_smart``) or
  ``"smartcn"`` (analysis-smartcn plugin) when the cluster has them.

Over 350 lines: the whole Elasticsearch side of the one search interface (mapping, rebuild, query,
facets), the counterpart of ``database.py``.
"""

import datetime
import uuid

from django.conf import settings
from django.utils.html import escape, strip_tags
from elasticsearch_dsl import Date, Document, Integer, Keyword, Q, Search, Text, analyzer, token_filter

from .base import CaseHit, CaseResults, CaseSearchBackend, SearchUnavailable, facet_buckets, snippet_around

HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
# Title above keywords above key points above the rest (issue #6).
BOOSTED_FIELDS = {
    "all": ["title^6", "keywords.text^4", "key_points^2", "subtitle^1.5", "body"],
    "fulltext": ["title", "subtitle", "keywords.text", "key_points", "body"],
    "title": ["title"],
    "keywords": ["keywords.text"],
}
FACET_FIELDS = {
    "field": "field",
    "level": "level",
    "region": "region",
    "dispute_type": "dispute_type",
    "year": "year",
    "keyword": "keywords",
}
_document_classes: dict[str, type[Document]] = {}  # one Document class per analyzer setting


def analyzer_name():
    return getattr(settings, "COLLEGE_CASES_ANALYZER", "cjk") or "cjk"


def text_analyzers(name):
    """(index analyzer, search analyzer) for the configured analysis."""
    if name == "ik_max_word":
        return "ik_max_word", "ik_smart"
    if name in ("ik_smart", "smartcn"):
        return name, name
    bigrams = token_filter("cases_cjk_bigram", type="cjk_bigram")
    cjk = analyzer("cases_cjk", tokenizer="standard", filter=["cjk_width", "lowercase", bigrams])
    return cjk, cjk


def document_class(name=None):
    """The CaseDocument class (explicit mapping) for one analyzer setting."""
    name = name or analyzer_name()
    if name not in _document_classes:
        index_analyzer, search_analyzer = text_analyzers(name)

        def text(**kwargs):
            return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **kwargs)

        class CaseDocument(Document):
            page_id = Integer()
            locale = Keyword()
            title = text()
            subtitle = text()
            case_number = Keyword()
            keywords = Keyword(fields={"text": text()})
            field = Keyword()
            level = Keyword()
            region = Keyword()
            dispute_type = Keyword()
            year = Integer()
            date_released = Date()
            key_points = text()
            body = text()
            url = Keyword(index=False)
            summary = Keyword(index=False)

            class Index:
                name = "cases-template"
                settings = {"number_of_shards": 1, "number_of_replicas": 0}

        _document_classes[name] = CaseDocument
    return _document_classes[name]


def case_to_document(case):
    """The indexed form of one live case page."""
    return {
        "page_id": case.pk,
        "locale": case.locale.language_code,
        "title": case.title,
        "subtitle": case.subtitle,
        "case_number": case.case_number,
        "keywords": case.keyword_names(),
        "field": case.field,
        "level": case.level,
        "region": case.region.code if case.region_id else None,
        "dispute_type": case.dispute_type.code if case.dispute_type_id else None,
        "year": case.date_released.year if case.date_released else None,
        "date_released": case.date_released.isoformat() if case.date_released else None,
        "key_points": strip_tags(case.key_points or ""),
        "body": "\n".join(case.full_text_parts()),
        "url": case.get_url() or "",
        "summary": case.summary(160),
    }


class ElasticsearchCaseSearch(CaseSearchBackend):
    name = "elasticsearch"

    def __init__(self, url=None, client=None, alias=None):
        from college.core.search.elasticsearch import get_client

        self.url = url or settings.ELASTICSEARCH_URL
        self.client = client or get_client(self.url)
        prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "college") or "college"
        self.alias = alias or f"{prefix}_cases"

    # -- index management ------------------------------------------------------
    def _errors(self):
        from elasticsearch import ApiError, TransportError

        return (ApiError, TransportError)

    def create_index(self):
        """Create a new concrete index with the case mapping; returns its name."""
        name = f"{self.alias}_{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S}_{uuid.uuid4().hex[:6]}"
        document_class().init(index=name, using=self.client)
        return name

    def alias_targets(self):
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                return []
            return list(self.client.indices.get_alias(name=self.alias).body)
        except self._errors() as exc:
            raise SearchUnavailable(str(exc)) from exc

    def ensure_index(self):
        """Make sure the alias points at an index (an empty one the first time)."""
        targets = self.alias_targets()
        if targets:
            return targets[0]
        if self.client.indices.exists(index=self.alias):
            # A concrete index took the alias's name (e.g. written before any
            # rebuild): it is replaced by a real index behind the alias.
            self.client.indices.delete(index=self.alias)
        name = self.create_index()
        self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])
        return name

    def sync_page(self, page_id):
        from ..models import CasePage

        case = (
            CasePage.objects.live()
            .public()
            .filter(pk=page_id)
            .select_related("locale", "region", "dispute_type")
            .first()
        )
        if case is None:
            return self.remove(page_id)
        from .rebuild import rebuilding_targets

        document = case_to_document(case)
        try:
            self.ensure_index()
            # The live alias, and the index a rebuild is filling, if one runs (rebuild.py).
            for index in [self.alias, *rebuilding_targets(self)]:
                self.client.index(index=index, id=str(case.pk), document=document, refresh=True)
        except self._errors() as exc:
            raise SearchUnavailable(str(exc)) from exc
        return True

    def remove(self, page_id):
        """Delete the case from the live index and from a rebuild's new one; True if it was live."""
        from elasticsearch import NotFoundError

        from .rebuild import rebuilding_targets

        removed = False
        try:
            targets = rebuilding_targets(self)
            if self.alias_targets():
                targets.insert(0, self.alias)
            for index in targets:
                try:
                    self.client.delete(index=index, id=str(page_id), refresh=True)
                    removed = removed or index == self.alias
                except NotFoundError:
                    pass
        except self._errors() as exc:
            raise SearchUnavailable(str(exc)) from exc
        return removed

    def live_cases(self):
        from ..models import CasePage

        return (
            CasePage.objects.live()
            .public()
            .select_related("locale", "region", "dispute_type")
            .prefetch_related("keywords")
            .order_by("pk")
        )

    def rebuild(self, progress=None, chunk_size=500, documents=None, on_stage=None):
        """Fill a fresh index, catch up with changes made meanwhile, switch the alias (rebuild.py).

        ``progress(n)`` is called after each chunk; ``documents`` (an iterable
        of dicts) replaces the live cases, for load tests.
        """
        from .rebuild import rebuild

        return rebuild(self, progress=progress, chunk_size=chunk_size, documents=documents, on_stage=on_stage)

    def _bulk_delete(self, index, page_ids):
        operations = [{"delete": {"_index": index, "_id": str(page_id)}} for page_id in page_ids]
        response = self.client.options(request_timeout=120).bulk(operations=operations)
        failed = [
            item
            for item in response.get("items", [])
            if item.get("delete", {}).get("error") and item["delete"].get("status") != 404
        ]
        if failed:
            raise SearchUnavailable(f"{len(failed)} deletions were refused, e.g. {failed[0]['delete']['error']}")

    def _bulk(self, index, documents):
        operations = []
        for document in documents:
            operations.append({"index": {"_index": index, "_id": str(document["page_id"])}})
            operations.append(document)
        # Bulk requests may take far longer than a search on a busy cluster.
        response = self.client.options(request_timeout=120).bulk(operations=operations)
        if response.get("errors"):
            failed = [item for item in response["items"] if item.get("index", {}).get("error")]
            raise SearchUnavailable(f"{len(failed)} documents were refused, e.g. {failed[0]['index']['error']}")
        return len(documents)

    # -- searching -------------------------------------------------------------
    def term_query(self, term, scope):
        """One term: a phrase over the text fields (bigrams in order = a substring)."""
        # Terms hold only letters, digits, "-" and "." (base.query_terms), so
        # they are safe inside a wildcard pattern.
        number = Q("wildcard", case_number={"value": f"*{term.upper()}*", "boost": 6})
        if scope == "case_number":
            return number
        # Case numbers hold only ASCII letters, digits and hyphens: a Chinese
        # term never needs the (costly) wildcard over them.
        looks_like_number = term.isascii() and any(ch.isdigit() for ch in term) or term.startswith("fqal")
        fields = BOOSTED_FIELDS.get(scope, BOOSTED_FIELDS["all"])
        if len(term) == 1 and not term.isascii():
            # One CJK character is no bigram: look for it inside the indexed
            # bigrams (and lone characters) of each field instead.
            text = Q(
                "bool",
                should=[Q("wildcard", **{name.split("^")[0]: {"value": f"*{term}*"}}) for name in fields],
                minimum_should_match=1,
            )
        else:
            text = Q("multi_match", query=term, type="phrase", fields=fields)
        if scope == "all" and looks_like_number:
            return Q("bool", should=[text, number], minimum_should_match=1)
        return text

    def build_search(self, query):
        search = Search(using=self.client, index=self.alias).extra(track_total_hits=True)
        must = [self.term_query(term, query.scope) for term in query.terms]
        filters = [Q("term", locale=query.language)]
        for name, value in query.filters.items():
            if name == "year":
                try:
                    value = int(value)
                except ValueError:
                    value = -1
            filters.append(Q("term", **{FACET_FIELDS[name]: value}))
        search = search.query(Q("bool", must=must or [Q("match_all")], filter=filters))
        for name, path in FACET_FIELDS.items():
            search.aggs.bucket(name, "terms", field=path, size=20 if name == "keyword" else 100)
        if query.terms:
            # The engine marks the title; the snippet is cut from the stored
            # text in Python (10 hits), which costs far less than asking the
            # engine to highlight the long body fields.
            search = search.highlight_options(**HIGHLIGHT).highlight("title", number_of_fragments=0)

        if query.sort == "newest" or (query.sort == "relevance" and not query.terms):
            search = search.sort({"date_released": {"order": "desc"}}, {"page_id": {"order": "desc"}})
        elif query.sort == "oldest":
            search = search.sort({"date_released": {"order": "asc"}}, {"page_id": {"order": "asc"}})
        else:
            search = search.sort("_score", {"date_released": {"order": "desc"}}, {"page_id": {"order": "desc"}})
        search = search.source(
            [
                "page_id",
                "title",
                "subtitle",
                "case_number",
                "url",
                "key_points",
                "body",
                "date_released",
                "field",
                "level",
            ]
        )
        return search[query.offset : query.offset + query.page_size]

    def search(self, query):
        from elasticsearch import NotFoundError

        try:
            response = self.build_search(query).execute()
        except NotFoundError:
            # Nothing indexed yet: an empty library, not an error.
            return CaseResults(query=query, count=0, hits=[], facets=facet_buckets({}, query))
        except self._errors() as exc:
            raise SearchUnavailable(str(exc)) from exc
        terms = query.terms
        hits = []
        for hit in response.hits:
            source = hit.to_dict()
            highlight = hit.meta.highlight.to_dict() if "highlight" in hit.meta else {}
            title_html = highlight["title"][0] if highlight.get("title") else escape(source["title"])
            snippet = snippet_around(f"{source.get('key_points', '')}\n{source.get('body', '')}", terms)
            hits.append(
                CaseHit(
                    page_id=source["page_id"],
                    title=source["title"],
                    subtitle=source.get("subtitle") or "",
                    url=source.get("url") or "",
                    case_number=source.get("case_number") or "",
                    highlight={"title": title_html, "snippet": snippet},
                    date_released=(source.get("date_released") or "")[:10],
                    field=source.get("field") or "",
                    level=source.get("level") or "",
                )
            )
        raw = {
            name: [(bucket.key, bucket.doc_count) for bucket in getattr(response.aggregations, name).buckets]
            for name in FACET_FIELDS
        }
        return CaseResults(query=query, count=response.hits.total.value, hits=hits, facets=facet_buckets(raw, query))
