from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .validators import normalise_mobile, validate_mobile

PROFILE_FIELDS = ["real_name", "work_unit", "position", "region", "mobile"]


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
    work_unit = forms.CharField(label=_("Work unit"), max_length=120, required=False)
    mobile = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    field_order = ["email", "real_name", "work_unit", "mobile", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.real_name = self.cleaned_data["real_name"]
        user.work_unit = self.cleaned_data.get("work_unit", "")
        user.mobile = self.cleaned_data.get("mobile", "")
        user.save(update_fields=["real_name", "work_unit", "mobile"])
        return user


class ProfileForm(MobileCleaningMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS
        widgets = {
            "mobile": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "real_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "work_unit": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["real_name"].required = True
