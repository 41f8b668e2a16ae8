"""Factories for case pages, built the way editors do: added under the library, then published."""

import datetime

import factory
import wagtail_factories

from cases.models import CaseLibraryPage, CasePage, CaseReleasePage, DisputeType, Region
from tests.core.factories import published_through_a_revision

DEIDENTIFIED = {
    "deid_names_removed": True,
    "deid_contacts_removed": True,
    "deid_places_generalised": True,
    "deid_minors_protected": True,
    "deid_documents_checked": True,
}


class CaseLibraryPageFactory(wagtail_factories.PageFactory):
    """The case library (pass ``parent=home_page``)."""

    class Meta:
        model = CaseLibraryPage
        skip_postgeneration_save = True

    title = "典型案例库"
    slug = "cases"
    show_in_menus = True
    publish = published_through_a_revision()


class CaseReleasePageFactory(wagtail_factories.PageFactory):
    """A batch of cases released together (pass ``parent=library``)."""

    class Meta:
        model = CaseReleasePage
        skip_postgeneration_save = True

    title = "第一批典型案例"
    slug = "release-1"
    date_released = datetime.date(2024, 1, 10)
    publish = published_through_a_revision()


class CasePageFactory(wagtail_factories.PageFactory):
    """A de-identified case under ``parent`` (the library), published unless ``publish=False``.

    ``region_code``/``dispute_type_code`` pick one of the default lists by code; ``keywords`` is a
    list of tags, set before the revision is saved.
    """

    class Meta:
        model = CasePage
        skip_postgeneration_save = True

    class Params:
        region_code = None
        dispute_type_code = None

    title = "邻里纠纷调解案"
    slug = factory.Sequence(lambda n: f"case-{n}")
    live = False
    subtitle = ""
    field = "village_community"
    level = "village"
    date_released = datetime.date(2024, 3, 1)
    key_points = "<p>要旨</p>"
    facts = "<p>基本案情</p>"
    deid_names_removed = DEIDENTIFIED["deid_names_removed"]
    deid_contacts_removed = DEIDENTIFIED["deid_contacts_removed"]
    deid_places_generalised = DEIDENTIFIED["deid_places_generalised"]
    deid_minors_protected = DEIDENTIFIED["deid_minors_protected"]
    deid_documents_checked = DEIDENTIFIED["deid_documents_checked"]
    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.region_code) if o.region_code else None)
    dispute_type = factory.LazyAttribute(
        lambda o: DisputeType.objects.get(code=o.dispute_type_code) if o.dispute_type_code else None
    )

    @factory.post_generation
    def keywords(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.keywords.set(list(extracted))
            obj.save()

    publish = published_through_a_revision()
