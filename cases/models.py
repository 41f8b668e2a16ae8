"""Typical cases: the library page, themed releases, case pages and their lists.

A case follows the fixed structure of the People's Court case library and the
Supreme People's Procuratorate (number, title, subtitle, keywords, key points,
facts, handling, result, typical significance, related laws).  Case numbers
are handed out by ``services.assign_case_number``; searching goes through
``cases.search`` (database or Elasticsearch behind one interface).

Over 350 lines: ``CasePage`` (its fields, de-identification checklist and rules) is two thirds of it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

MAX_KEYWORDS = 7
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CaseField(models.TextChoices):
    """Where the case happened (the field facet)."""

    POLICE_STATION = "police_station", _("Police station")
    PEOPLES_TRIBUNAL = "peoples_tribunal", _("People's tribunal")
    JUDICIAL_OFFICE = "judicial_office", _("Judicial office")
    PROCURATORATE = "procuratorate", _("Procuratorate")
    VILLAGE_COMMUNITY = "village_community", _("Village or community")
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Other")


class GovernanceLevel(models.TextChoices):
    """The four levels of linked governance (四级联动)."""

    CITY = "city", _("City")
    COUNTY = "county", _("County")
    TOWN = "town", _("Town")
    VILLAGE = "village", _("Village")


class LabelledListItem(models.Model):
    """A managed list entry with a stable code and a name in both languages."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Used in search links; do not change."))
    name = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("name_en"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.label()

    def label(self, language_code=None):
        """The name in ``language_code`` (default: the active language)."""
        language_code = language_code or translation.get_language() or "zh-hans"
        if language_code.startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Region(LabelledListItem):
    """A region cases come from (a managed list, e.g. 诸暨市)."""

    class Meta(LabelledListItem.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class DisputeType(LabelledListItem):
    """A kind of dispute (neighbours, marriage and family, labour …)."""

    class Meta(LabelledListItem.Meta):
        verbose_name = _("dispute type")
        verbose_name_plural = _("dispute types")


class CaseNumberCounter(models.Model):
    """The last case number handed out per year (locked while assigning)."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case number counter")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class CaseLibraryPage(Page):
    """The case library: introduction plus the faceted search of all cases."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["cases.CasePage", "cases.CaseReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case library")
        verbose_name_plural = _("case libraries")

    def get_context(self, request, *args, **kwargs):
        from .pages import search_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(search_page_context(request, self))
        return context

    def get_template(self, request, *args, **kwargs):
        return "cases/case_library_page.html"

    def releases(self):
        return CaseReleasePage.objects.child_of(self).live().public().order_by("-date_released", "title")


class CaseReleasePage(Page):
    """A themed batch of cases released together, with its introduction."""

    date_released = models.DateField(_("date of release"), default=datetime.date.today)
    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("date_released"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cases.CaseLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case release")
        verbose_name_plural = _("case releases")

    def get_template(self, request, *args, **kwargs):
        return "cases/case_release_page.html"

    def cases(self):
        """The live cases of this release, in release order, in this page's locale."""
        return (
            CasePage.objects.live()
            .public()
            .filter(release__translation_key=self.translation_key, locale=self.locale)
            .order_by("release_order", "date_released", "pk")
        )


class CaseKeyword(TaggedItemBase):
    content_object = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="keyword_items")


class CasePageForm(WagtailAdminPageForm):
    """Checks the de-identification checklist when a case goes to review or live."""

    def clean(self):
        cleaned = super().clean()
        keywords = cleaned.get("keywords") or []
        if len(keywords) > MAX_KEYWORDS:
            self.add_error("keywords", _("A case has at most %(max)d keywords.") % {"max": MAX_KEYWORDS})
        # The edit view's buttons: submit to the workflow, or publish.
        if "action-submit" in self.data or "action-publish" in self.data:
            missing = [name for name in DEIDENTIFICATION_CHECKLIST if not cleaned.get(name)]
            for name in missing:
                self.add_error(name, _("Tick this item before the case goes to review."))
        return cleaned


# The de-identification checklist an editor ticks before review: mediation
# cases concern real people, whose identifying details must be removed.
DEIDENTIFICATION_CHECKLIST = (
    "deid_names_removed",
    "deid_contacts_removed",
    "deid_places_generalised",
    "deid_minors_protected",
    "deid_documents_checked",
)


class CasePage(Page):
    """One typical case in the fixed structure of published case libraries."""

    case_number = models.CharField(
        _("case number"),
        max_length=20,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Assigned automatically."),
    )
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True, help_text=_("One line under the title."))
    keywords = ClusterTaggableManager(
        verbose_name=_("keywords"), through=CaseKeyword, blank=True, help_text=_("At most 7 keywords.")
    )
    field = models.CharField(_("field"), max_length=20, choices=CaseField.choices, default=CaseField.OTHER)
    level = models.CharField(
        _("governance level"), max_length=10, choices=GovernanceLevel.choices, default=GovernanceLevel.VILLAGE
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    dispute_type = models.ForeignKey(
        DisputeType,
        verbose_name=_("dispute type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    case_date = models.DateField(_("date of the case"), null=True, blank=True)
    date_released = models.DateField(_("date of release"), default=datetime.date.today, db_index=True)
    release = models.ForeignKey(
        "cases.CaseReleasePage",
        verbose_name=_("release"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="release_cases",
    )
    release_order = models.PositiveIntegerField(_("order in release"), default=0)
    key_points = RichTextField(_("key points"), blank=True, features=TEXT_FEATURES)
    facts = RichTextField(_("basic facts"), blank=True, features=TEXT_FEATURES)
    handling = RichTextField(_("how it was handled"), blank=True, features=TEXT_FEATURES)
    result = RichTextField(_("result"), blank=True, features=TEXT_FEATURES)
    significance = RichTextField(_("typical significance"), blank=True, features=TEXT_FEATURES)
    laws = StreamField(
        [
            (
                "citation",
                blocks.StructBlock(
                    [
                        ("law", blocks.CharBlock(label=_("law"), max_length=120)),
                        ("article", blocks.CharBlock(label=_("article"), max_length=60, required=False)),
                        ("text", blocks.TextBlock(label=_("text"), required=False)),
                    ],
                    icon="doc-full",
                    label=_("citation"),
                ),
            )
        ],
        verbose_name=_("related laws"),
        blank=True,
    )
    deid_names_removed = models.BooleanField(_("names of parties replaced (e.g. 王某)"), default=False)
    deid_contacts_removed = models.BooleanField(_("phone numbers, ID numbers and plates removed"), default=False)
    deid_places_generalised = models.BooleanField(_("addresses generalised to village or town"), default=False)
    deid_minors_protected = models.BooleanField(_("minors and victims cannot be identified"), default=False)
    deid_documents_checked = models.BooleanField(_("attachments and images checked"), default=False)
    # Plain text of every text field, kept for the database search backend.
    search_text = models.TextField(editable=False, blank=True)
    # Field-prefixed Han bigrams of the searched fields; on PostgreSQL a GIN-indexed vector of
    # them serves the Chinese case search (cases/search/bigrams.py, migration 0003).
    search_bigrams = models.TextField(editable=False, blank=True, default="")

    content_panels = Page.content_panels + [
        FieldPanel("case_number", read_only=True),
        FieldPanel("subtitle"),
        FieldPanel("keywords"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("field"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("dispute_type")]),
                FieldRowPanel([FieldPanel("case_date"), FieldPanel("date_released")]),
                FieldRowPanel([FieldPanel("release"), FieldPanel("release_order")]),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("key_points"),
        FieldPanel("facts"),
        FieldPanel("handling"),
        FieldPanel("result"),
        FieldPanel("significance"),
        FieldPanel("laws"),
        InlinePanel("attachments", label=_("attachments")),
        MultiFieldPanel(
            [FieldPanel(name) for name in DEIDENTIFICATION_CHECKLIST],
            heading=_("De-identification checklist"),
            help_text=_("Every item must be ticked before the case can be submitted for review."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("case_number"),
        index.SearchField("subtitle"),
        index.SearchField("key_points"),
        index.SearchField("search_text"),
        index.FilterField("field"),
        index.FilterField("level"),
    ]
    base_form_class = CasePageForm
    parent_page_types = ["cases.CaseLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("typical case")
        verbose_name_plural = _("typical cases")

    def get_template(self, request, *args, **kwargs):
        if request is not None and request.GET.get("print"):
            return "cases/case_page_print.html"
        return "cases/case_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        back = request.GET.get("back", "") if request is not None else ""
        # Only a query string of the library page itself: never an open redirect.
        context["back_href"] = back if back.startswith("?") and len(back) < 2000 else ""
        context["previous_case"], context["next_case"] = self.release_neighbours()
        return context

    # -- rules --------------------------------------------------------------
    @property
    def deidentified(self):
        """True when every item of the de-identification checklist is ticked."""
        return all(getattr(self, name) for name in DEIDENTIFICATION_CHECKLIST)

    def clean(self):
        super().clean()
        if self.pk and self.case_number:
            stored = CasePage.objects.filter(pk=self.pk).values_list("case_number", "first_published_at").first()
            if stored and stored[1] and stored[0] and stored[0] != self.case_number:
                raise ValidationError({"case_number": _("The case number is fixed once the case is published.")})
        if self.case_number:
            # One number per case; its translations share it (same translation key).
            clash = CasePage.objects.filter(case_number=self.case_number).exclude(translation_key=self.translation_key)
            if clash.exists():
                raise ValidationError({"case_number": _("This case number belongs to another case.")})

    def full_text_parts(self):
        """Plain text of the long fields, for search indexes."""
        parts = [strip_tags(getattr(self, name) or "") for name in ("facts", "handling", "result", "significance")]
        for block in self.laws or []:
            value = block.value
            parts.append(" ".join(filter(None, [value.get("law"), value.get("article"), value.get("text")])))
        return [p.strip() for p in parts if p and p.strip()]

    def save(self, *args, **kwargs):
        from .services import assign_case_number

        if not self.case_number:
            assign_case_number(self)
        # The subtitle is searched on its own column; this is the body of the case.
        self.search_text = "\n".join([strip_tags(self.key_points or "")] + self.full_text_parts())
        self.search_bigrams = self.compute_search_bigrams()
        return super().save(*args, **kwargs)

    def compute_search_bigrams(self, keywords=None):
        from .search.bigrams import search_bigrams

        return search_bigrams(
            self.title,
            self.subtitle,
            self.case_number,
            self.keyword_names() if keywords is None else keywords,
            self.key_points,
            self.search_text,
        )

    # -- display ------------------------------------------------------------
    @property
    def year(self):
        return self.date_released.year if self.date_released else None

    def keyword_names(self):
        return [tag.name for tag in self.keywords.all()]

    def summary(self, length=120):
        return Truncator(strip_tags(self.key_points or self.facts or "")).chars(length)

    def release_neighbours(self):
        """(previous, next) live case of the same release, in release order."""
        if not self.release_id:
            return None, None
        siblings = list(
            CasePage.objects.live()
            .public()
            .filter(release__translation_key=self.release.translation_key, locale_id=self.locale_id)
            .order_by("release_order", "date_released", "pk")
            .values_list("pk", flat=True)
        )
        if self.pk not in siblings:
            return None, None
        position = siblings.index(self.pk)
        previous_id = siblings[position - 1] if position > 0 else None
        next_id = siblings[position + 1] if position + 1 < len(siblings) else None
        pages = CasePage.objects.in_bulk([pk for pk in (previous_id, next_id) if pk])
        return pages.get(previous_id), pages.get(next_id)

    def related_cases(self, limit=5):
        """Live cases sharing keywords or the dispute type, most shared keywords first."""
        # In a preview the keywords are an in-memory cluster, which has no values_list over "pk";
        # keywords typed in the unsaved revision and not yet stored have no id and match nothing.
        keyword_ids = [tag.pk for tag in self.keywords.all() if tag.pk]
        condition = models.Q(keyword_items__tag_id__in=keyword_ids)
        if self.dispute_type_id:
            condition |= models.Q(dispute_type_id=self.dispute_type_id)
        return (
            CasePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(condition)
            .exclude(translation_key=self.translation_key)
            .annotate(
                shared=models.Count(
                    "keyword_items", filter=models.Q(keyword_items__tag_id__in=keyword_ids), distinct=True
                )
            )
            .order_by("-shared", "-date_released", "pk")
            .distinct()[:limit]
        )

    def citing_pages(self):
        """Live pages of other apps that reference this case, by app label.

        Uses Wagtail's reference index (page choosers, page links in rich text
        and StreamField), so lessons (courses) and exhibits that embed or cite
        a case are found without the cases app depending on them.
        """
        from wagtail.models import ReferenceIndex

        page_ids = set()
        for reference in ReferenceIndex.get_references_to(self).select_related("base_content_type"):
            if reference.base_content_type.model_class() is Page or issubclass(
                reference.base_content_type.model_class() or object, Page
            ):
                page_ids.add(int(reference.object_id))
        pages = Page.objects.filter(pk__in=page_ids).live().public().specific()
        grouped = {}
        for page in pages:
            grouped.setdefault(page.specific_class._meta.app_label, []).append(page)
        return grouped

    def course_count(self):
        """How many courses use this case: distinct courses of the lessons citing it."""
        lessons = self.citing_pages().get("courses", [])
        courses = set()
        for lesson in lessons:
            parent = lesson.get_parent()
            # A lesson page sits under its course page; a course page citing the case counts itself.
            courses.add(parent.pk if parent and parent.specific_class._meta.app_label == "courses" else lesson.pk)
        return len(courses)

    def exhibits_citing(self):
        return self.citing_pages().get("exhibits", [])


class CaseAttachment(Orderable):
    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")

    def display_title(self):
        return self.title or self.document.title
