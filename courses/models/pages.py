"""Page types: the course catalogue, courses (with prerequisites) and lessons (with related pages).

What each page shows is built in ``courses.pages`` (the page contexts), imported when a page is
served because those builders read these models.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from .choices import CreditType, LessonKind, Topic
from .snippets import Instructor, Quiz


class CourseIndexPage(Page):
    """The course catalogue: filters by topic, required/elective and hours, and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")

    def get_context(self, request, *args, **kwargs):
        from ..pages import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context


class CoursePage(Page):
    """A course: overview, objectives, instructors, credit hours, lessons in order and a final quiz."""

    summary = models.TextField(_("summary"), max_length=300, help_text=_("One or two sentences for the catalogue."))
    overview = RichTextField(_("overview"), blank=True)
    objectives = RichTextField(_("learning objectives"), blank=True, features=["ul", "ol", "bold"])
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.HISTORY)
    credit_hours = models.DecimalField(
        _("credit hours"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_("Credited once to the learner's annual ledger when the course is completed."),
    )
    credit_type = models.CharField(
        _("required or elective"), max_length=10, choices=CreditType.choices, default=CreditType.ELECTIVE
    )
    sequential = models.BooleanField(
        _("unlock lessons in sequence"),
        default=False,
        help_text=_("A lesson opens only when the lessons before it are completed."),
    )
    enrolment_open = models.BooleanField(_("open for self-enrolment"), default=True)
    instructors = ParentalManyToManyField(Instructor, verbose_name=_("instructors"), blank=True)
    final_quiz = models.ForeignKey(
        Quiz,
        verbose_name=_("final quiz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_("Must be passed for the course to complete."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("overview"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("credit_hours"),
                FieldPanel("credit_type"),
                FieldPanel("sequential"),
                FieldPanel("enrolment_open"),
            ],
            heading=_("Study rules"),
        ),
        FieldPanel("instructors"),
        InlinePanel("prerequisites", label=_("prerequisites")),
        FieldPanel("final_quiz"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("objectives"),
        index.FilterField("topic"),
        index.FilterField("credit_type"),
        index.FilterField("credit_hours"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lessons(self):
        """The live lessons of this page's copy, in tree order."""
        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from ..pages import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context


class CoursePrerequisite(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisites")
    prerequisite = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("prerequisite", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "ol", "ul", "link"])
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    image = ImageChooserBlock(label=_("Image"))
    attachment = DocumentChooserBlock(label=_("Attachment"))

    class Meta:
        label = _("Content")


class LessonPage(Page):
    """A video lesson with its duration, or a reading lesson with a minimum reading time."""

    kind = models.CharField(_("kind"), max_length=10, choices=LessonKind.choices, default=LessonKind.READING)
    summary = models.TextField(_("summary"), blank=True, max_length=300)
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.CharField(
        _("video address"),
        max_length=500,
        blank=True,
        help_text=_("Used when no video file is chosen, e.g. /static/… or https://…"),
    )
    duration_seconds = models.PositiveIntegerField(_("video duration (seconds)"), default=0)
    min_reading_seconds = models.PositiveIntegerField(
        _("minimum reading time (seconds)"), default=120, help_text=_("Reading lessons only.")
    )
    required = models.BooleanField(_("required for course completion"), default=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("video_url"), FieldPanel("duration_seconds")], heading=_("Video")
        ),
        FieldPanel("min_reading_seconds"),
        FieldPanel("required"),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("related typical cases")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def is_video(self):
        return self.kind == LessonKind.VIDEO

    @property
    def media_url(self):
        if self.video_id:
            return self.video.url
        return self.video_url

    def get_context(self, request, *args, **kwargs):
        from ..pages import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from ..pages import lesson_gate

        refusal = lesson_gate(self, request)
        if refusal is not None:
            return refusal
        return super().serve(request, *args, **kwargs)


class LessonRelatedPage(Orderable):
    """A typical case (or any page) embedded in a lesson; an FK to Page keeps apps independent."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]
