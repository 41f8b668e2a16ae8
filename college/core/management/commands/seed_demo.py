"""python manage.py seed_demo — create the demo content, idempotently.

Runs college.core.demo first, then the ``demo`` module of every app listed in
DEMO_MODULES that has one.  An app's module may define ``add_arguments`` to
take options of its own (e.g. ``--cases N``) and must define ``seed(stdout,
**options)``.
"""

from importlib import import_module

from django.core.management.base import BaseCommand

DEMO_MODULES = [
    "college.core.demo",
    "college.accounts.demo",
    "exhibits.demo",
    "cases.demo",
    "courses.demo",
    "college.certificates.demo",
    "college.visits.demo",
    # Last: it links the other demos' accounts to units by their typed work unit.
    "college.organisations.demo",
]


def available_demo_modules():
    modules = []
    for name in DEMO_MODULES:
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the module
                raise
    return modules


class Command(BaseCommand):
    help = "Create the demo content and one account per role. Safe to run again."

    def add_arguments(self, parser):
        for module in available_demo_modules():
            if hasattr(module, "add_arguments"):
                module.add_arguments(parser)

    def handle(self, *args, **options):
        for module in available_demo_modules():
            self.stdout.write(f"{module.__name__} …")
            module.seed(stdout=self.stdout, **options)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
