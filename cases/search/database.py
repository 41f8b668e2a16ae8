"""Case search on the database (the embedded default, no ELASTICSEARCH_URL).

Every term must occur as a substring (``icontains``), which finds Chinese
words inside longer runs without any segmentation.  Relevance is a weighted
sum of where the terms occur (title above keywords above key points above the
rest).  On PostgreSQL, Chinese terms are looked up in the GIN-indexed bigram
vector instead (bigrams.py: same results, no scan of the text) and every facet
count comes from one GROUPING SETS statement over the filtered cases.
"""

from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

from . import bigrams
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
        substring = self.substring_condition(term, scope)
        if not (bigrams.available() and bigrams.indexed(term)):
            return substring
        vector = Q(bigrams.Matches(bigrams.scope_query(term, scope)))
        # Two characters: one bigram, the vector decides.  Longer: candidates from the vector,
        # then the substring test on those only (the bigrams must also be in a row).
        return vector if bigrams.exact(term) else vector & substring

    def substring_condition(self, term, scope):
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

    def facet_counts(self, qs):
        """(count, {facet: [(value, count), …]}) for field, level, region, dispute type and year."""
        from .lists import labelled_lists

        lists = labelled_lists()
        codes = {
            "region": {pk: code for code, (pk, _names) in lists["region"].items()},
            "dispute_type": {pk: code for code, (pk, _names) in lists["dispute_type"].items()},
        }
        if connection.vendor == "postgresql":
            count, raw = self._grouping_sets(qs)
        else:
            count, raw = self._counted_in_python(qs)
        for name in ("region", "dispute_type"):
            raw[name] = [(codes[name].get(pk), n) for pk, n in raw[name]]
        return count, raw

    def _counted_in_python(self, qs):
        from collections import Counter

        counters = {name: Counter() for name in ("field", "level", "region", "dispute_type", "year")}
        count = 0
        for field, level, region_id, dispute_id, released in qs.values_list(
            "field", "level", "region_id", "dispute_type_id", "date_released"
        ):
            count += 1
            counters["field"][field] += 1
            counters["level"][level] += 1
            counters["region"][region_id] += 1
            counters["dispute_type"][dispute_id] += 1
            counters["year"][released.year if released else None] += 1
        return count, {name: list(counter.items()) for name, counter in counters.items()}

    def _grouping_sets(self, qs):
        """Every facet count and the total in one statement (PostgreSQL GROUPING SETS)."""
        inner, params = qs.values_list(
            "field", "level", "region_id", "dispute_type_id", "date_released"
        ).query.sql_with_params()
        names = ("field", "level", "region", "dispute_type", "year")
        sql = (
            "SELECT GROUPING(field, level, region_id, dispute_type_id, year), field, level, region_id, "
            "dispute_type_id, year, COUNT(*) FROM (SELECT m.field, m.level, m.region_id, m.dispute_type_id, "
            f"EXTRACT(YEAR FROM m.date_released)::int AS year FROM ({inner}) m) f "
            "GROUP BY GROUPING SETS ((field), (level), (region_id), (dispute_type_id), (year), ())"
        )
        # GROUPING(...) has one bit per column, the first the highest; a 0 bit = grouped by it.
        sets = {0b01111: 0, 0b10111: 1, 0b11011: 2, 0b11101: 3, 0b11110: 4}
        raw = {name: [] for name in names}
        count = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for grouping, *values, n in cursor.fetchall():
                if grouping == 0b11111:
                    count = n
                elif grouping in sets:
                    raw[names[sets[grouping]]].append((values[sets[grouping]], n))
        return count, raw

    def keyword_counts(self, qs):
        from ..models import CaseKeyword

        rows = (
            CaseKeyword.objects.filter(content_object_id__in=qs.values("pk"))
            .values("tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("-n", "tag__name")[:20]
        )
        return [(row["tag__name"], row["n"]) for row in rows]

    def ordered(self, qs, query):
        terms = query.terms
        if query.sort == "newest" or (query.sort == "relevance" and not terms):
            return qs.order_by("-date_released", "-pk")
        if query.sort == "oldest":
            return qs.order_by("date_released", "pk")
        score = Value(0, output_field=IntegerField())
        use_vector = bigrams.available()
        for term in terms:
            if use_vector and bigrams.exact(term):
                # Where a two-character Chinese term occurs, read from the bigram vector.
                for field, weight in bigrams.WEIGHTS.items():
                    score = score + Case(
                        When(bigrams.Matches(bigrams.field_query(term, field)), then=Value(weight)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                continue
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
        # The count and the facets are aggregates over the filtered cases (one statement on
        # PostgreSQL, plus one for the keywords); the page is the first rows of the same
        # queryset in order.  No list of ids travels back and forth.
        qs = self.filtered(query).order_by()
        count, raw = self.facet_counts(qs)
        raw["keyword"] = self.keyword_counts(qs) if count else []
        facets = facet_buckets(raw, query)
        if not count:
            return CaseResults(query=query, count=0, hits=[], facets=facets)
        page = list(
            self.ordered(qs, query).only(
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
