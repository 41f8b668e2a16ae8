"""The online exhibition: an entrance, its eras (halls) and their exhibits.

The page tree is restricted to  home → ExhibitionPage → EraPage → ExhibitPage.
Tree order is the curated order: editors sort eras under the exhibition and
exhibits under each era in the admin, and the promenade follows that order.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import ALT_TEXT_REQUIRED, ExhibitBodyBlock, image_needs_alt, image_values
from .dates import DATE_PRECISIONS, format_date_range, machine_date


class Theme(models.Model):
    """A theme of the exhibition (群众路线, 源头治理, …), managed by editors as a snippet."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_("Used in addresses: ?theme=slug"))
    name = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]
    api_fields = [APIField("slug"), APIField("name"), APIField("name_en")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The theme's name in the active language."""
        language = translation.get_language() or ""
        return self.name_en if language.startswith("en") else self.name


class CoverImageMixin(models.Model):
    """A cover image with its alt text, or the explicit choice that it is decorative."""

    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("cover image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows. Required before publishing unless the image is decorative."),
    )
    cover_decorative = models.BooleanField(_("cover image is decorative"), default=False)

    cover_panels = [
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt"), FieldPanel("cover_decorative")],
            heading=_("Cover image"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The alt-text rule holds at publish time, however the page is
        # published (admin, workflow approval, schedule, code). Revision
        # bookkeeping saves pass update_fields and are not publishing.
        if self.live and kwargs.get("update_fields") is None:
            problems = self.alt_text_problems()
            if problems:
                raise ValidationError(problems)
        return super().save(*args, **kwargs)

    def cover_needs_alt(self):
        return bool(self.cover_image_id) and not self.cover_alt.strip() and not self.cover_decorative

    def alt_text_problems(self):
        """Human-readable reasons why this page may not be published yet (alt text rule)."""
        return [str(_("Cover image: %(message)s") % {"message": ALT_TEXT_REQUIRED})] if self.cover_needs_alt() else []


class AltTextPageForm(WagtailAdminPageForm):
    """Admin form that refuses to publish (or submit) a cover image without alt text."""

    def clean(self):
        cleaned = super().clean()
        if not self.is_deferred_validation and "cover_image" in self.fields:
            if (
                cleaned.get("cover_image")
                and not (cleaned.get("cover_alt") or "").strip()
                and not cleaned.get("cover_decorative")
            ):
                self.add_error("cover_alt", ALT_TEXT_REQUIRED)
        return cleaned


class ExhibitionPage(CoverImageMixin, Page):  # noqa: DJ008 (Page has __str__)
    """The promenade's entrance: introduction, timeline, eras at a glance and featured exhibits."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    visit_note = models.CharField(
        _("note for visitors"), max_length=300, blank=True, help_text=_("A short line about the physical halls.")
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("intro"), FieldPanel("visit_note")]
        + CoverImageMixin.cover_panels
        + [InlinePanel("milestones", label=_("Milestones"), heading=_("Timeline milestones"))]
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("visit_note"),
        APIField("cover_image"),
        APIField("cover_alt"),
        APIField("cover_decorative"),
        APIField("milestones"),
    ]
    base_form_class = AltTextPageForm
    parent_page_types = ["core.HomePage"]
    subpage_types = ["exhibits.EraPage"]
    template = "exhibits/exhibition_page.html"

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def get_context(self, request, *args, **kwargs):
        from .promenade import entrance_context

        context = super().get_context(request, *args, **kwargs)
        context.update(entrance_context(self, request))
        return context


class Milestone(Orderable):
    """An event on the timeline; it may link to an exhibit or stand on its own."""

    page = ParentalKey(ExhibitionPage, related_name="milestones", on_delete=models.CASCADE)
    date = models.DateField(_("date"), help_text=_("For a year or month, give its first day and the precision."))
    date_precision = models.CharField(_("precision"), max_length=6, choices=DATE_PRECISIONS, default="year")
    text = models.CharField(_("text"), max_length=300)
    exhibit = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("exhibit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")]),
        FieldPanel("text"),
        PageChooserPanel("exhibit", page_type="exhibits.ExhibitPage"),
    ]
    api_fields = [APIField("date"), APIField("date_precision"), APIField("text"), APIField("exhibit_id")]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.text

    @property
    def date_display(self):
        return format_date_range(self.date, None, self.date_precision)


class EraPage(CoverImageMixin, Page):  # noqa: DJ008 (Page has __str__)
    """One era of the history: one hall of the exhibition."""

    year_from = models.PositiveSmallIntegerField(_("from year"))
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True, help_text=_("Empty: until today."))
    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("One or two sentences for lists."))
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = (
        Page.content_panels
        + [FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]), FieldPanel("summary"), FieldPanel("intro")]
        + CoverImageMixin.cover_panels
    )
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("intro")]
    api_fields = [
        APIField("year_from"),
        APIField("year_to"),
        APIField("summary"),
        APIField("intro"),
        APIField("cover_image"),
        APIField("cover_alt"),
        APIField("cover_decorative"),
        APIField("cover_thumbnail", serializer=ImageRenditionField("fill-800x450", source="cover_image")),
    ]
    base_form_class = AltTextPageForm
    parent_page_types = ["exhibits.ExhibitionPage"]
    subpage_types = ["exhibits.ExhibitPage"]
    template = "exhibits/era_page.html"

    class Meta:
        verbose_name = _("era")
        verbose_name_plural = _("eras")

    def clean(self):
        super().clean()
        if self.year_to is not None and self.year_from is not None and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("The era cannot end before it begins.")})

    @property
    def years_display(self):
        if self.year_to is None:
            return _("%(start)s – today") % {"start": self.year_from}
        if self.year_to == self.year_from:
            return str(self.year_from)
        return f"{self.year_from}–{self.year_to}"

    def get_context(self, request, *args, **kwargs):
        from .promenade import era_context

        context = super().get_context(request, *args, **kwargs)
        context.update(era_context(self, request))
        return context


class ExhibitPageForm(AltTextPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_start"), cleaned.get("date_end")
        if start and end and end < start:
            self.add_error("date_end", _("The end date cannot be before the start date."))
        return cleaned


class ExhibitPage(CoverImageMixin, Page):  # noqa: DJ008 (Page has __str__)
    """One exhibit: dated, placed, themed, with a body of text, images and media."""

    date_start = models.DateField(_("date"), help_text=_("For a year or month, give its first day and the precision."))
    date_end = models.DateField(_("end date"), null=True, blank=True, help_text=_("Only for a range of time."))
    date_precision = models.CharField(_("precision"), max_length=6, choices=DATE_PRECISIONS, default="year")
    place = models.CharField(_("place"), max_length=200, blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="exhibits")
    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("One or two sentences for lists."))
    featured = models.BooleanField(_("featured at the entrance"), default=False)
    body = StreamField(ExhibitBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("date_start"), FieldPanel("date_end"), FieldPanel("date_precision")])],
                heading=_("Date"),
            ),
            FieldPanel("place"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("summary"),
            FieldPanel("featured"),
        ]
        + CoverImageMixin.cover_panels
        + [
            FieldPanel("body"),
            InlinePanel("related_cases", label=_("Related typical case"), heading=_("Related typical cases")),
            InlinePanel("related_courses", label=_("Related course"), heading=_("Related courses")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("date_start"),
        index.RelatedFields("themes", [index.SearchField("name"), index.SearchField("name_en")]),
    ]
    api_fields = [
        APIField("date_start"),
        APIField("date_end"),
        APIField("date_precision"),
        APIField("date_display"),
        APIField("place"),
        APIField("theme_slugs"),
        APIField("summary"),
        APIField("featured"),
        APIField("cover_image"),
        APIField("cover_alt"),
        APIField("cover_decorative"),
        APIField("cover_thumbnail", serializer=ImageRenditionField("fill-800x450", source="cover_image")),
        APIField("body"),
        APIField("related_cases"),
        APIField("related_courses"),
    ]
    base_form_class = ExhibitPageForm
    parent_page_types = ["exhibits.EraPage"]
    subpage_types = []
    template = "exhibits/exhibit_page.html"

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")

    @property
    def date_display(self):
        return format_date_range(self.date_start, self.date_end, self.date_precision)

    @property
    def date_machine(self):
        return machine_date(self.date_start, self.date_precision)

    @property
    def theme_slugs(self):
        return [theme.slug for theme in self.themes.all()]

    def alt_text_problems(self):
        problems = super().alt_text_problems()
        for number, value in enumerate(image_values(self.body), start=1):
            if image_needs_alt(value):
                problems.append(
                    str(
                        _("Image %(number)s in the body: %(message)s")
                        % {"number": number, "message": ALT_TEXT_REQUIRED}
                    )
                )
        return problems

    def get_context(self, request, *args, **kwargs):
        from .promenade import exhibit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(exhibit_context(self, request))
        return context


class RelatedPageLink(Orderable):
    """A link from an exhibit to a page of another part of the site.

    It points at ``wagtailcore.Page`` (not at the cases/courses models), so
    this app's migrations never depend on those apps.
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]
    api_fields = [APIField("page_id"), APIField("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def title(self):
        return self.page.title


class ExhibitRelatedCase(RelatedPageLink):
    exhibit = ParentalKey(ExhibitPage, related_name="related_cases", on_delete=models.CASCADE)

    class Meta(RelatedPageLink.Meta):
        verbose_name = _("related typical case")
        verbose_name_plural = _("related typical cases")


class ExhibitRelatedCourse(RelatedPageLink):
    exhibit = ParentalKey(ExhibitPage, related_name="related_courses", on_delete=models.CASCADE)

    class Meta(RelatedPageLink.Meta):
        verbose_name = _("related course")
        verbose_name_plural = _("related courses")
