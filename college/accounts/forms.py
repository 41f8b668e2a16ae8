from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from college.organisations.forms import UnitChoiceField
from college.organisations.models import Unit
from college.organisations.services import match_unit_for_text

from .models import User
from .validators import normalise_mobile, validate_mobile

PROFILE_FIELDS = ["real_name", "unit", "work_unit", "position", "region", "mobile"]
UNIT_HELP = _("Type part of your unit's name and choose it. If it is not listed, write it under “Work unit”.")
WORK_UNIT_HELP = _("Only when your unit is not in the list: the college links it to a unit later.")


def apply_unit_choice(user, unit, work_unit):
    """Set the unit the person chose, or the one their typed work unit names exactly.

    With a unit, the free-text work unit becomes the unit's name, so that the older reports
    and certificates that print the text agree with the unit."""
    work_unit = (work_unit or "").strip()
    if unit is None and work_unit:
        unit = match_unit_for_text(work_unit)
    user.unit = unit
    user.work_unit = unit.name if unit is not None else work_unit


class MobileCleaningMixin:
    def clean_mobile(self):
        value = self.cleaned_data.get("mobile", "")
        if not value:
            return ""
        validate_mobile(value)
        return normalise_mobile(value)


class SignupForm(MobileCleaningMixin, AllauthSignupForm):
    """Sign-up by email, with the name and unit a cadre's record needs."""

    real_name = forms.CharField(label=_("Real name"), max_length=50)
    unit = UnitChoiceField(required=False, help_text=UNIT_HELP)
    work_unit = forms.CharField(label=_("Work unit"), max_length=120, required=False, help_text=WORK_UNIT_HELP)
    mobile = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    field_order = ["email", "real_name", "unit", "work_unit", "mobile", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.real_name = self.cleaned_data["real_name"]
        apply_unit_choice(user, self.cleaned_data.get("unit"), self.cleaned_data.get("work_unit"))
        user.mobile = self.cleaned_data.get("mobile", "")
        user.save(update_fields=["real_name", "unit", "work_unit", "mobile"])
        return user


class ProfileForm(MobileCleaningMixin, forms.ModelForm):
    unit = UnitChoiceField(required=False, help_text=UNIT_HELP)

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        widgets = {
            "mobile": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "real_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "work_unit": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {"work_unit": WORK_UNIT_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["real_name"].required = True
        unit = self.instance.unit
        if unit is not None:
            # A unit deactivated since stays acceptable for the person who is in it.
            self.fields["unit"].queryset = Unit.objects.filter(Q(active=True) | Q(pk=unit.pk)).order_by("path")
            self.initial["unit"] = unit.code

    def save(self, commit=True):
        user = super().save(commit=False)
        apply_unit_choice(user, self.cleaned_data.get("unit"), self.cleaned_data.get("work_unit"))
        if commit:
            user.save()
        return user
