"""Two sessions approving the same declaration at once credit the hours once (real PostgreSQL connections)."""

import pytest
import time_machine

from college.organisations import declarations
from courses.models import CreditEntry
from tests.courses.test_concurrency import run_together

from .declaration_helpers import NOW, fields, pdf_file

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_administrators_approving_at_once_credit_the_hours_once(tree, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path), "base_url": None}},
    }
    with time_machine.travel(NOW, tick=False):
        declaration = declarations.declare(tree.li, evidence=pdf_file(), **fields(hours="2"))
        results = run_together(
            *[
                (lambda admin=admin: declarations.decide_for_unit(admin, declaration.pk, approve=True))
                for admin in (tree.fq_admin, tree.station_admin, tree.fq_admin, tree.station_admin)
            ]
        )
    refused = [r for r in results if isinstance(r, declarations.DeclarationError)]
    assert len(refused) == 3 and all(r.code == "decided" for r in refused), results
    assert CreditEntry.objects.filter(reference=f"declaration:{declaration.pk}").count() == 1
    assert declaration.events.filter(action="credited").count() == 1
