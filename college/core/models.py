"""Site-wide pages and settings: the home page and the college's identity."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The site's front door: the college, and a way into each part."""

    kicker = models.CharField(_("kicker"), max_length=120, blank=True, help_text=_("A short line above the title."))
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    facts = RichTextField(
        _("key facts"),
        blank=True,
        features=["bold", "ul", "link"],
        help_text=_("A few figures about the college, shown beside the introduction."),
    )

    content_panels = Page.content_panels + [FieldPanel("kicker"), FieldPanel("intro"), FieldPanel("facts")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("kicker"), APIField("intro"), APIField("facts")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        return context


@register_setting(icon="site")
class CollegeSettings(BaseGenericSetting):
    """The college's name, seal and contact details, editable by staff."""

    name_zh = models.CharField(_("college name (Chinese)"), max_length=80, default="绍兴枫桥学院")
    name_en = models.CharField(_("college name (English)"), max_length=120, default="Shaoxing Fengqiao College")
    seal = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("seal image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Printed on certificates. A square PNG with a transparent background works best."),
    )
    address_zh = models.CharField(
        _("address (Chinese)"), max_length=200, blank=True, default="浙江省绍兴市诸暨市枫桥镇"
    )
    address_en = models.CharField(
        _("address (English)"), max_length=200, blank=True, default="Fengqiao Town, Zhuji, Shaoxing, Zhejiang"
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name_zh"), FieldPanel("name_en"), FieldPanel("seal")], heading=_("Identity")),
        MultiFieldPanel(
            [FieldPanel("address_zh"), FieldPanel("address_en"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("college settings")

    def name_for(self, language_code: str) -> str:
        return self.name_en if (language_code or "").startswith("en") else self.name_zh

    def address_for(self, language_code: str) -> str:
        return self.address_en if (language_code or "").startswith("en") else self.address_zh


class WorkerHeartbeat(models.Model):
    """The last time each Celery worker proved it was alive (see /healthz)."""

    hostname = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return f"{self.hostname} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"


class OutboxMessage(models.Model):
    """A task to hand to Celery, written in the same transaction as the change it reports.

    When the broker is down at commit time the row stays unsent, and ``college.core.outbox``
    hands it over once the broker answers again: a visitor's booking is never lost for an email.
    """

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    queue = models.CharField(_("queue"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("handed to the broker"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="core_outbox_unsent")
        ]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"
