"""The exhibit search form: words, era and theme, all optional."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 100


class ExhibitSearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=MAX_QUERY_LENGTH)
    era = forms.ChoiceField(label=_("Era"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, eras=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "maxlength": MAX_QUERY_LENGTH})
        self.fields["q"].widget.input_type = "search"
        self.fields["era"].choices = [("", _("All eras"))] + [(era.slug, era.title) for era in eras]
        self.fields["theme"].choices = [("", _("All themes"))] + [(theme.slug, theme.label) for theme in themes]
        self.fields["era"].error_messages["invalid_choice"] = _(
            "There is no era “%(value)s”. Choose one from the list."
        )
        self.fields["theme"].error_messages["invalid_choice"] = _(
            "There is no theme “%(value)s”. Choose one from the list."
        )
        self.fields["q"].error_messages["max_length"] = _(
            "Your search is too long: use at most %(limit_value)d characters."
        )
