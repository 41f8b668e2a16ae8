"""Forms of visit booking: the public request form (also used by the API to
validate its JSON) and the staff action forms of the back office."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from college.accounts.validators import normalise_mobile, validate_mobile

from . import roster
from .models import MAX_GROUP_SIZE, PROVINCES, GroupType, Guide, Slot, UnitType
from .services import VisitDetails, VisitError, check_bookable

_MARKUP_RE = re.compile(r"<\s*[a-zA-Z/!?]|javascript:|&#|\bon\w+\s*=", re.IGNORECASE)


def validate_plain_text(value):
    """Refuse HTML and script in text that people type (it is shown to staff and in emails)."""
    if value and _MARKUP_RE.search(value):
        raise ValidationError(_("Please write plain text without HTML tags or code."), code="markup")


def slot_label(slot) -> str:
    weekday = formats.date_format(slot.date, "D")
    left = slot.places_left
    if left:
        places = _("%(n)d places left") % {"n": left}
    else:
        places = _("full")
    return f"{slot.date:%Y-%m-%d} ({weekday}) {slot.start:%H:%M}–{slot.end:%H:%M} · {slot.hall} · {places}"


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return slot_label(obj)


class SlotsByDayIterator(ModelChoiceIterator):
    """The slots grouped by day (an <optgroup> each), so that a phone's picker stays short to scan."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        days = {}
        for slot in self.queryset:
            days.setdefault(slot.date, []).append(self.choice(slot))
        for day, choices in days.items():
            yield (f"{day:%Y-%m-%d} ({formats.date_format(day, 'D')})", choices)


class BookableSlotField(SlotChoiceField):
    """Offers the bookable slots, but looks any slot up so that the form can say
    exactly why one cannot be booked (past, closed day, outside the window)."""

    iterator = SlotsByDayIterator

    def label_from_instance(self, obj):
        left = obj.places_left
        places = _("%(n)d places left") % {"n": left} if left else _("full")
        return f"{obj.start:%H:%M}–{obj.end:%H:%M} · {obj.hall} · {places}"

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Slot.objects.with_places().select_related("hall").get(pk=int(str(value)))
        except (ValueError, TypeError, OverflowError, Slot.DoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None

    def validate(self, value):
        forms.Field.validate(self, value)


class SlotSelect(forms.Select):
    """A select whose full slots are shown but cannot be chosen."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-places-left"] = instance.places_left
            if not instance.places_left:
                option["attrs"]["disabled"] = True
        return option


class VisitRequestForm(forms.Form):
    """A group's request for a visit, from the site form or the API's JSON."""

    slot = BookableSlotField(
        label=gettext_lazy("Date and time"),
        queryset=Slot.objects.none(),
        widget=SlotSelect,
        empty_label=gettext_lazy("Choose a time"),
        error_messages={"invalid_choice": gettext_lazy("Choose a time from the list of open slots.")},
    )
    group_size = forms.IntegerField(
        label=gettext_lazy("Group size (people)"),
        min_value=1,
        max_value=MAX_GROUP_SIZE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    organisation = forms.CharField(label=gettext_lazy("Work unit"), max_length=120, validators=[validate_plain_text])
    unit_type = forms.ChoiceField(
        label=gettext_lazy("Type of unit"), choices=[("", "—")] + list(UnitType.choices), required=False
    )
    province = forms.ChoiceField(label=gettext_lazy("Province"), choices=[("", "—")] + list(PROVINCES), required=False)
    group_type = forms.ChoiceField(label=gettext_lazy("Group type"), choices=GroupType.choices)
    leader_name = forms.CharField(label=gettext_lazy("Leader's name"), max_length=50, validators=[validate_plain_text])
    phone = forms.CharField(
        label=gettext_lazy("Leader's mobile phone"),
        max_length=20,
        validators=[validate_mobile],
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Leader's email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    purpose = forms.CharField(
        label=gettext_lazy("Purpose of the visit"),
        max_length=1000,
        required=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    needs_guided_tour = forms.BooleanField(
        label=gettext_lazy("We would like a guided tour"), required=False, initial=True
    )
    needs_briefing = forms.BooleanField(label=gettext_lazy("We would like a briefing"), required=False)
    needs_meeting_room = forms.BooleanField(label=gettext_lazy("We need a meeting room"), required=False)
    vehicles = forms.IntegerField(
        label=gettext_lazy("Vehicles"),
        min_value=0,
        max_value=50,
        initial=0,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    roster = forms.CharField(
        label=gettext_lazy("Roster: visitors' names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One name per line, the leader included. Or upload a file below."),
    )
    roster_file = forms.FileField(
        label=gettext_lazy("…or upload the roster (CSV or Excel .xlsx, names in the first column)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        if slots is None:
            slots = Slot.objects.bookable().with_places().select_related("hall").order_by("date", "start", "hall__name")
        self.fields["slot"].queryset = slots

    def clean_slot(self):
        slot = self.cleaned_data["slot"]
        try:
            check_bookable(slot)
        except VisitError as error:
            raise ValidationError(error.message) from None
        return slot

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])

    def clean_vehicles(self):
        return self.cleaned_data.get("vehicles") or 0

    def clean(self):
        cleaned = super().clean()
        names = None
        upload = cleaned.get("roster_file")
        if upload:
            try:
                names = roster.parse_upload(upload)
            except ValidationError as error:
                self.add_error("roster_file", error)
                return cleaned
        elif "roster" in cleaned:
            try:
                names = roster.parse_text(cleaned.get("roster", ""))
            except ValidationError as error:
                self.add_error("roster", error)
                return cleaned
            if not names:
                self.add_error("roster", _("List the names of the visitors."))
                return cleaned
        if names is not None:
            cleaned["roster_names"] = names
        size = cleaned.get("group_size")
        slot = cleaned.get("slot")
        if size and slot and size > slot.capacity:
            self.add_error(
                "group_size",
                _("This slot holds at most %(n)d people; split the group over several slots.") % {"n": slot.capacity},
            )
        if size and names is not None and len(names) != size:
            self.add_error(
                "roster_file" if upload else "roster",
                _("The roster lists %(names)d names but the group has %(size)d people.")
                % {"names": len(names), "size": size},
            )
        return cleaned

    def details(self, language) -> VisitDetails:
        data = self.cleaned_data
        return VisitDetails(
            organisation=data["organisation"],
            group_type=data["group_type"],
            leader_name=data["leader_name"],
            phone=data["phone"],
            email=data["email"],
            group_size=data["group_size"],
            roster=data["roster_names"],
            purpose=data.get("purpose", ""),
            unit_type=data.get("unit_type", ""),
            province=data.get("province", ""),
            needs_guided_tour=bool(data.get("needs_guided_tour")),
            needs_briefing=bool(data.get("needs_briefing")),
            needs_meeting_room=bool(data.get("needs_meeting_room")),
            vehicles=data.get("vehicles") or 0,
            language=language,
        )


class StatusLookupForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Booking code"), max_length=40)

    def clean_code(self):
        return extract_code(self.cleaned_data["code"])


def extract_code(value: str) -> str:
    """The booking code in what was typed or scanned (a bare code or a status-page URL from the QR code)."""
    value = (value or "").strip()
    match = re.search(r"/status/([A-Za-z0-9]+)/?", value)
    if match:
        value = match.group(1)
    return re.sub(r"[\s\-]", "", value).upper()


# --------------------------------------------------------------------------
# Back office
# --------------------------------------------------------------------------
class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the group leader)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text],
    )


class RescheduleForm(forms.Form):
    slot = SlotChoiceField(label=gettext_lazy("New slot"), queryset=Slot.objects.none())

    def __init__(self, *args, visit=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import local_today

        qs = (
            Slot.objects.filter(is_open=True, date__gte=local_today()).not_closed().with_places().select_related("hall")
        )
        if visit is not None:
            qs = qs.exclude(pk=visit.slot_id)
        self.fields["slot"].queryset = qs


class GuideForm(forms.Form):
    guide = forms.ModelChoiceField(
        label=gettext_lazy("Guide"),
        queryset=Guide.objects.filter(is_active=True),
        required=False,
        empty_label=gettext_lazy("No guide"),
    )


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Booking code or scanned QR code"),
        max_length=200,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )

    def clean_code(self):
        return extract_code(self.cleaned_data["code"])


class HeadcountForm(forms.Form):
    headcount = forms.IntegerField(label=gettext_lazy("People who came"), min_value=1, max_value=2000)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"), max_length=500, required=False, validators=[validate_plain_text]
    )
