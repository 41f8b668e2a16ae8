"""python manage.py match_work_units [--dry-run] — link cadres to units by their typed work unit.

A cadre without a unit whose free-text work unit is exactly the name or another name of one
active unit (white space ignored) gets that unit.  Names no unit or several units carry are
listed; staff map them in the admin (单位管理 → 待对应的单位名称).
"""

from django.core.management.base import BaseCommand

from college.organisations.services import match_work_units


class Command(BaseCommand):
    help = "Link cadres without a unit to the unit their free-text work unit names exactly."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be linked; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        result = match_work_units(dry_run=dry_run)
        verb = "would link" if dry_run else "linked"
        for value, (code, count) in sorted(result.matched.items()):
            self.stdout.write(f"{verb} {count:>5}  {value} → {code}")
        for value, codes in sorted(result.ambiguous.items()):
            self.stdout.write(f"ambiguous    {value}: {', '.join(codes)}")
        for value, count in sorted(result.unmatched.items(), key=lambda item: (-item[1], item[0])):
            self.stdout.write(f"unmatched {count:>5}  {value}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.cadres_matched} cadres {verb}; {len(result.unmatched) + len(result.ambiguous)} names left to map."
            )
        )
