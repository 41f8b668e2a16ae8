"""Forms of the organisations app: the unit picker used at sign-up, in the profile and in the
back office, the unit form of the Wagtail admin and the back-office forms.

The unit picker is a plain ``<select>`` of the active units (indented by depth), which works
without JavaScript; ``organisations/unit-picker.js`` turns it into a search-as-you-type box that
asks ``/api/organisations/units/?q=`` and sets the same select.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .models import Unit
from .services import SEARCH_MAX_LENGTH


class UnitPickerWidget(forms.Select):
    """A select of units that the picker script enhances into a search box (progressive enhancement)."""

    template_name = "organisations/widgets/unit_picker.html"

    class Media:
        js = ["organisations/unit-picker.js"]
        css = {"all": ["organisations/unit-picker.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["picker"] = {
            "api_url": reverse("organisations_api:units"),
            "placeholder": _("Type part of the unit's name, e.g. 枫桥"),
            "no_results": _("No unit matches. Try a shorter part of the name."),
            "failed": _("The units could not be searched just now. Choose from the list instead."),
            "results": _("%(count)s units found; use the arrow keys to choose."),
            "hint": _("Type at least one character, then choose your unit from the suggestions."),
        }
        return context


class UnitCodeField(forms.ModelChoiceField):
    """A unit chosen by its code (any letter case), shown indented by depth in a plain select."""

    default_error_messages = {"invalid_choice": _("Choose a unit from the list.")}

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("label", _("Unit"))
        super().__init__(queryset if queryset is not None else Unit.objects.none(), **kwargs)

    def label_from_instance(self, obj):
        return services.unit_choice_label(obj)

    def to_python(self, value):
        if isinstance(value, str):
            value = services.normalise_code(value)
        return super().to_python(value)


class UnitChoiceField(UnitCodeField):
    """The unit picker: one of the active units unless another queryset is given, searchable as one types."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("widget", UnitPickerWidget)
        super().__init__(
            queryset if queryset is not None else Unit.objects.filter(active=True).order_by("path"), **kwargs
        )


# ---------------------------------------------------------------------------
# The unit form of the Wagtail admin
# ---------------------------------------------------------------------------
class UnitForm(WagtailAdminModelForm):
    """Name, type, code, state and place in the tree of a unit; the views save it through the services."""

    parent = UnitCodeField(
        queryset=Unit.objects.order_by("path"),
        required=False,
        label=_("Parent unit"),
        help_text=_("Leave empty for a top-level unit (a province). Changing it moves the unit with its sub-units."),
        widget=UnitPickerWidget,
    )

    class Meta:
        model = Unit
        fields = ["name", "name_en", "code", "unit_type", "parent", "active", "aliases"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A unit cannot go under itself or its own sub-units.
            self.fields["parent"].queryset = Unit.objects.exclude(path__startswith=self.instance.path).order_by("path")
            parent = self.instance.get_parent()
            self.initial.setdefault("parent", parent.code if parent else None)

    def clean_code(self):
        code = services.normalise_code(self.cleaned_data.get("code", ""))
        self.instance.code = code
        # Model validation (the code pattern) runs after clean_<field>, on the normalised value.
        return code

    def clean_name(self):
        name = (self.cleaned_data.get("name") or "").strip()
        if not name:
            raise forms.ValidationError(_("Give the unit's name."))
        return name

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is not None and not parent.active:
            raise forms.ValidationError(_("The parent unit is inactive; activate it first."))
        return parent

    def _post_clean(self):
        # The tree columns are set by treebeard when the view saves; model validation would
        # otherwise ask for them on a new unit.
        if not self.instance.pk:
            self.instance.path, self.instance.depth = "0" * Unit.steplen, 1
        super()._post_clean()
        if not self.instance.pk:
            self.instance.path = ""


# ---------------------------------------------------------------------------
# Back-office forms
# ---------------------------------------------------------------------------
class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("Unit list (CSV or XLSX)"),
        help_text=_(
            "Columns: code, name, English name, type, parent code (编码, 名称, 英文名称, 类型, 上级编码). "
            "Every row must be valid, or nothing is imported."
        ),
    )


class CadreFilterForm(forms.Form):
    """The filters of the cadre list; bad values fall back to no filter with a field error."""

    TARGET_CHOICES = [("", _("All")), ("met", _("Target met")), ("behind", _("Behind target"))]

    year = forms.IntegerField(label=pgettext_lazy("report", "Year"), min_value=2000, max_value=2100, required=False)
    unit = UnitCodeField(required=False, label=_("Unit and its sub-units"))
    target = forms.ChoiceField(choices=TARGET_CHOICES, required=False, label=_("Annual target"))
    q = forms.CharField(label=_("Name or email"), max_length=SEARCH_MAX_LENGTH, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(label=pgettext_lazy("report", "Year"), min_value=2000, max_value=2100, required=False)


class GrantForm(forms.Form):
    """Appoint an administrator: an existing account by email, for a unit the granter may manage."""

    email = forms.EmailField(label=_("Email of the new administrator"))
    unit = UnitCodeField(error_messages={"invalid_choice": _("Choose one of the units below your own from the list.")})

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).order_by("pk").first()
        if user is None:
            raise forms.ValidationError(_("No active account has this email address."))
        self.user = user
        return email


class TokenForm(forms.Form):
    unit = UnitCodeField()

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()


class MapWorkUnitForm(forms.Form):
    """Staff link every cadre with one free-text work unit to a unit."""

    work_unit = forms.CharField(max_length=120, widget=forms.HiddenInput)
    unit = UnitChoiceField(label=_("Map to unit"))
    remember = forms.BooleanField(
        label=_("Remember this name as another name of the unit"), required=False, initial=True
    )


class DeclarationForm(forms.Form):
    """A cadre's declaration of offline hours; the rules are checked by ``declarations.declare``."""

    activity_type = forms.ChoiceField(label=_("Type of activity"), choices=())
    title = forms.CharField(label=_("Activity"), max_length=200, help_text=_("E.g. the name of the class or lecture."))
    organiser = forms.CharField(label=_("Organiser"), max_length=100)
    activity_date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(label=_("Hours"), max_digits=6, decimal_places=2)
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("A certificate, notice or photo: PDF, PNG or JPEG, at most %(size)s MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
    visit = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, max_mb: str = "5", **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ActivityType

        self.fields["activity_type"].choices = [("", "---------"), *ActivityType.choices]
        self.fields["evidence"].help_text = self.fields["evidence"].help_text % {"size": max_mb}


class DecisionForm(forms.Form):
    """An administrator's or training staff's decision on a declaration."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting; the cadre reads it in the email."),
    )


class DeclarationFilterForm(forms.Form):
    """Filters of the declaration queue."""

    status = forms.ChoiceField(label=_("Status"), required=False, choices=())
    unit = UnitCodeField(required=False)
    q = forms.CharField(label=_("Name or email"), required=False, max_length=SEARCH_MAX_LENGTH)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DeclarationStatus

        self.fields["status"].choices = [("", _("All")), *DeclarationStatus.choices]
        if units is not None:
            self.fields["unit"].queryset = units
