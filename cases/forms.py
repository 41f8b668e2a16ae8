"""Forms: the search parameters (page and API share them) and the bulk import upload."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import CaseField, GovernanceLevel
from .search.base import MAX_PAGE, MAX_PAGE_SIZE, PAGE_SIZE, CaseQuery, clean_query
from .search.lists import label, labelled_lists


class CaseSearchForm(forms.Form):
    """The parameters of a case search; invalid ones give a 400 with field errors."""

    q = forms.CharField(label=_("Search words"), required=False, strip=True)
    within = forms.CharField(required=False, widget=forms.MultipleHiddenInput)
    scope = forms.ChoiceField(
        label=_("Search in"),
        required=False,
        choices=[
            ("all", _("Everything")),
            ("title", _("Title")),
            ("case_number", _("Case number")),
            ("keywords", _("Keywords")),
            ("fulltext", _("Full text")),
        ],
    )
    field = forms.ChoiceField(label=_("Field"), required=False)
    level = forms.ChoiceField(label=_("Governance level"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    dispute_type = forms.ChoiceField(label=_("Dispute type"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1949, max_value=2100)
    keyword = forms.CharField(label=_("Keyword"), required=False, max_length=50)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))],
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)
    page_size = forms.IntegerField(label=_("Results per page"), required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            # "within" may repeat; everything else is one value.
            values = {key: data.get(key) for key in data}
            values["within"] = data.getlist("within")
            data = values
        if data is not None:
            # Control characters (NUL included) only separate words in a query.
            data = dict(data)
            data["q"] = clean_query(data.get("q") or "")
            within = data.get("within") or []
            within = [within] if isinstance(within, str) else within
            data["within"] = [clean_query(w) for w in within if isinstance(w, str) and clean_query(w)]
        super().__init__(data, *args, **kwargs)
        self.fields["field"].choices = [("", "")] + list(CaseField.choices)
        self.fields["level"].choices = [("", "")] + list(GovernanceLevel.choices)
        lists = labelled_lists()
        language = translation.get_language() or "zh-hans"
        for name in ("region", "dispute_type"):
            self.fields[name].choices = [("", "")] + [
                (code, label(names, language)) for code, (_pk, names) in lists[name].items()
            ]

    def clean_within(self):
        value = self.data.get("within") if isinstance(self.data, dict) else None
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str) and v.strip()][:5]

    def to_query(self, language=None):
        data = self.cleaned_data
        return CaseQuery(
            q=data.get("q") or "",
            within=data.get("within") or [],
            scope=data.get("scope") or "all",
            filters={name: data.get(name) for name in ("field", "level", "region", "dispute_type", "year", "keyword")},
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or PAGE_SIZE,
            language=language or "",
        )


class CaseImportForm(forms.Form):
    """An uploaded CSV or JSON file of cases for one library."""

    file = forms.FileField(
        label=_("CSV or JSON file"),
        help_text=_(
            "CSV in UTF-8 or GB18030 (as Excel saves it), JSON in UTF-8. "
            "Columns: see the template below. At most 2,000 cases and 5 MB."
        ),
    )
    library = forms.ModelChoiceField(label=_("Case library"), queryset=None, empty_label=None)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import CaseLibraryPage

        libraries = CaseLibraryPage.objects.all().order_by("path")
        if user is not None:
            libraries = [lib for lib in libraries if lib.permissions_for_user(user).can_add_subpage()]
            ids = [lib.pk for lib in libraries]
            libraries = CaseLibraryPage.objects.filter(pk__in=ids).order_by("path")
        self.fields["library"].queryset = libraries

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not (name.endswith(".csv") or name.endswith(".json")):
            raise forms.ValidationError(_("Upload a .csv or .json file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
