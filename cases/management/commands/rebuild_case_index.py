"""python manage.py rebuild_case_index — refill the Elasticsearch case index.

Builds a fresh index beside the live one, catches up with the cases changed
meanwhile, then switches the alias to it in one atomic step, so that searches
keep working during the rebuild and nothing published meanwhile is lost
(cases/search/rebuild.py).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm


class Command(BaseCommand):
    help = "Rebuild the Elasticsearch index of typical cases and switch the alias to it."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500, help="Cases sent per bulk request (default 500).")
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, **options):
        from cases.search import SearchUnavailable
        from cases.search.elasticsearch import ElasticsearchCaseSearch

        if not getattr(settings, "ELASTICSEARCH_URL", ""):
            raise CommandError("ELASTICSEARCH_URL is not set: the database search needs no index.")
        backend = ElasticsearchCaseSearch()
        total = backend.live_cases().count()
        with tqdm(
            total=total, unit="case", desc="Indexing cases", file=self.stderr._out, disable=options["no_progress"]
        ) as bar:
            try:
                count = backend.rebuild(
                    progress=bar.update, chunk_size=options["chunk_size"], on_stage=self.stage(options)
                )
            except SearchUnavailable as exc:
                raise CommandError(f"Elasticsearch refused the rebuild: {exc}") from exc
        targets = backend.alias_targets()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} cases into {targets[0]}; alias {backend.alias} switched.")
        )

    def stage(self, options):
        messages = {
            "loaded": "Bulk load done; catching up with cases changed meanwhile …",
            "caught_up": "Caught up; switching the alias …",
        }

        def report(name):
            if name in messages and not options["no_progress"]:
                self.stderr.write(messages[name])

        return report
