"""Case search on the database (the embedded default, no ELASTICSEARCH_URL).

Every term must occur as a substring (``icontains``), which finds Chinese
words inside longer runs without any segmentation.  Facets are GROUP BY
counts over the filtered queryset; relevance is a weighted sum of where the
terms occur (title above keywords above key points above the rest).
"""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

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

    def facets(self, rows, query):
        """Facet counts from the (field, level, region, dispute type, year) of every match."""
        from collections import Counter

        from ..models import CaseKeyword
        from .lists import labelled_lists

        lists = labelled_lists()
        region_codes = {pk: code for code, (pk, _names) in lists["region"].items()}
        dispute_codes = {pk: code for code, (pk, _names) in lists["dispute_type"].items()}
        counters = {name: Counter() for name in ("field", "level", "region", "dispute_type", "year")}
        for _pk, field, level, region_id, dispute_id, released in rows:
            counters["field"][field] += 1
            counters["level"][level] += 1
            counters["region"][region_codes.get(region_id)] += 1
            counters["dispute_type"][dispute_codes.get(dispute_id)] += 1
            counters["year"][released.year if released else None] += 1
        raw = {name: list(counter.items()) for name, counter in counters.items()}
        ids = [row[0] for row in rows]
        keyword_rows = (
            (
                CaseKeyword.objects.filter(content_object_id__in=ids)
                .values("tag__name")
                .annotate(n=Count("content_object_id", distinct=True))
                .order_by("-n", "tag__name")[:20]
            )
            if ids
            else []
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
                score = score + Case(
                    When(lookup, then=Value(WEIGHTS[name])), default=Value(0), output_field=IntegerField()
                )
        return qs.annotate(relevance=score).order_by("-relevance", "-date_released", "-pk")

    def search(self, query):
        # One pass over the text finds every match with its facet values;
        # facets, ordering and the page then work on those ids only.
        rows = list(
            self.filtered(query)
            .order_by()
            .values_list("pk", "field", "level", "region_id", "dispute_type_id", "date_released")
        )
        count = len(rows)
        facets = self.facets(rows, query)
        from ..models import CasePage

        matched = CasePage.objects.filter(pk__in=[row[0] for row in rows])
        page = list(
            self.ordered(matched, query).only(
                "title",
                "subtitle",
                "case_number",
                "key_points",
                "search_text",
                "date_released",
                "field",
                "level",
                "url_path",
                "locale_id",
                "depth",
                "path",
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
