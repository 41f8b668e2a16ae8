"""The bigram index of the Chinese case search (cases/search/bigrams.py, issue #11.5).

``search_bigrams`` exists on every database; the generated ``search_vector`` column and its GIN
index are PostgreSQL-only DDL, run only when the migration runs on PostgreSQL (the embedded
default, SQLite, keeps the plain substring search).
"""

from django.db import migrations, models

from cases.search.bigrams import search_bigrams

CHUNK = 2000


def fill_bigrams(apps, schema_editor):
    CasePage = apps.get_model("cases", "CasePage")
    CaseKeyword = apps.get_model("cases", "CaseKeyword")
    ids = list(CasePage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        keywords = {}
        for page_id, name in CaseKeyword.objects.filter(content_object_id__in=chunk).values_list(
            "content_object_id", "tag__name"
        ):
            keywords.setdefault(page_id, []).append(name)
        pages = list(
            CasePage.objects.filter(pk__in=chunk).only(
                "title", "subtitle", "case_number", "key_points", "search_text"
            )
        )
        for page in pages:
            page.search_bigrams = search_bigrams(
                page.title, page.subtitle, page.case_number, keywords.get(page.pk, []), page.key_points, page.search_text
            )
        CasePage.objects.bulk_update(pages, ["search_bigrams"], batch_size=500)


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE cases_casepage ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (array_to_tsvector(string_to_array(search_bigrams, ' '))) STORED"
    )
    schema_editor.execute("CREATE INDEX cases_casepage_search_vector ON cases_casepage USING gin (search_vector)")


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS cases_casepage_search_vector")
    schema_editor.execute("ALTER TABLE cases_casepage DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_default_lists")]
    operations = [
        migrations.AddField(
            model_name="casepage",
            name="search_bigrams",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_bigrams, migrations.RunPython.noop),
        migrations.RunPython(add_vector, drop_vector),
    ]
