"""Case search on the database (the embedded default, no ELASTICSEARCH_URL).

Every term must occur as a substring (``icontains``), which finds Chinese
words inside longer runs without any segmentation.  Facets are GROUP BY
counts over the filtered queryset; relevance is a weighted sum of where the
terms occur (title above keywords above key points above the rest).
"""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import ExtractYear

from .base import CaseHit, CaseResults, CaseSearchBackend, facet_buckets, mark_terms, snippet_around

WEIGHTS = {"title": 8, "case_number": 8, "keywords": 4, "key_points": 2, "search_text": 1}


class DatabaseCaseSearch(CaseSearchBackend):
    name = "database"

    def base_queryset(self, language):
        from ..models import CasePage

        return CasePage.objects.live().public().filter(locale__language_code=language)

    @staticmethod
    def _keyword_exists(**lookup):
        from ..models import CaseKeyword

        return Exists(CaseKeyword.objects.filter(content_object_id=OuterRef("pk"), **lookup))

    def term_condition(self, term, scope):
        title = Q(title__icontains=term)
        number = Q(case_number__icontains=term)
        keywords = self._keyword_exists(tag__name__icontains=term)
        text = Q(subtitle__icontains=term) | Q(search_text__icontains=term)
        if scope == "title":
            return title
        if scope == "case_number":
            return number
        if scope == "keywords":
            return Q(keywords)
        if scope == "fulltext":
            return title | keywords | text
        return title | number | keywords | text

    def filtered(self, query):
        qs = self.base_queryset(query.language)
        for term in query.terms:
            qs = qs.filter(self.term_condition(term, query.scope))
        f = query.filters
        if "field" in f:
            qs = qs.filter(field=f["field"])
        if "level" in f:
            qs = qs.filter(level=f["level"])
        if "region" in f:
            qs = qs.filter(region__code=f["region"])
        if "dispute_type" in f:
            qs = qs.filter(dispute_type__code=f["dispute_type"])
        if "year" in f:
            try:
                qs = qs.filter(date_released__year=int(f["year"]))
            except ValueError:
                qs = qs.none()
        if "keyword" in f:
            qs = qs.filter(self._keyword_exists(tag__name=f["keyword"]))
        return qs

    def facets(self, qs, query):
        from ..models import CaseKeyword

        def grouped(expression_name, source=None):
            values = qs.order_by()
            if source is not None:
                values = values.annotate(**{expression_name: source})
            return [(row[expression_name], row["n"]) for row in values.values(expression_name).annotate(n=Count("pk"))]

        raw = {
            "field": grouped("field"),
            "level": grouped("level"),
            "region": grouped("region__code"),
            "dispute_type": grouped("dispute_type__code"),
            "year": grouped("release_year", ExtractYear("date_released")),
        }
        keyword_rows = (
            CaseKeyword.objects.filter(content_object_id__in=qs.order_by().values("pk"))
            .values("tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("-n", "tag__name")[:20]
        )
        raw["keyword"] = [(row["tag__name"], row["n"]) for row in keyword_rows]
        return facet_buckets(raw, query)

    def ordered(self, qs, query):
        terms = query.terms
        if query.sort == "newest" or (query.sort == "relevance" and not terms):
            return qs.order_by("-date_released", "-pk")
        if query.sort == "oldest":
            return qs.order_by("date_released", "pk")
        score = Value(0, output_field=IntegerField())
        for term in terms:
            for name, lookup in (
                ("title", Q(title__icontains=term)),
                ("case_number", Q(case_number__icontains=term)),
                ("keywords", Q(self._keyword_exists(tag__name__icontains=term))),
                ("key_points", Q(key_points__icontains=term)),
                ("search_text", Q(search_text__icontains=term)),
            ):
                score = score + Case(When(lookup, then=Value(WEIGHTS[name])), default=Value(0), output_field=IntegerField())
        return qs.annotate(relevance=score).order_by("-relevance", "-date_released", "-pk")

    def search(self, query):
        qs = self.filtered(query)
        count = qs.count()
        facets = self.facets(qs, query)
        page = list(
            self.ordered(qs, query).only(
                "title", "subtitle", "case_number", "key_points", "search_text", "date_released", "field", "level",
                "url_path", "locale_id", "depth", "path",
            )[query.offset : query.offset + query.page_size]
        )
        terms = query.terms
        hits = [
            CaseHit(
                page_id=case.pk,
                title=case.title,
                subtitle=case.subtitle,
                url=case.get_url() or "",
                case_number=case.case_number,
                highlight={"title": mark_terms(case.title, terms), "snippet": snippet_around(case.search_text, terms)},
                date_released=case.date_released.isoformat() if case.date_released else "",
                field=case.field,
                level=case.level,
            )
            for case in page
        ]
        return CaseResults(query=query, count=count, hits=hits, facets=facets)
