"""Forms of career guidance: the municipality's referral and its withdrawal, the counsellor's case actions."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.roles import Role
from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.guidance.cases.models import CaseStatus, GuidanceCase, GuidanceSession, Recommendation, SessionMode
from integrering.guidance.mapping.forms import MappingDateField


class ReferralForm(forms.Form):
    mapping_date = MappingDateField()
    note = forms.CharField(
        label=_("Note to the career centre"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Practical information only, e.g. a contact person. No health information."),
    )


class WithdrawReferralForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. moved to another municipality, referred by mistake. No health information."),
    )


def counsellors_of(county):
    return (
        User.objects.filter(county=county, is_active=True, roles__role=Role.CAREER_COUNSELLOR)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class AssignForm(VersionedFormMixin, forms.Form):
    """Assign the case; ``version`` is the case's version the form was opened on (a stale one is a conflict)."""

    counsellor = forms.ModelChoiceField(
        label=_("Counsellor"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = counsellors_of(county)


class BookForm(AssignForm):
    """The appointment: date and time (local), place (an address or video), interpreter and language."""

    booked_for = forms.DateField(label=_("Appointment date"), widget=DateInput)
    booked_time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), help_text=_("E.g. 09:30")
    )
    video = forms.BooleanField(label=_("Video meeting"), required=False)
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        required=False,
        help_text=_("Where the participant meets. Leave empty for a video meeting."),
    )
    interpreter_needed = forms.BooleanField(label=_("Interpreter needed"), required=False)
    interpreter_language = forms.CharField(label=_("Interpreter language"), max_length=100, required=False)

    field_order = [
        "booked_for",
        "booked_time",
        "video",
        "address",
        "interpreter_needed",
        "interpreter_language",
        "counsellor",
    ]

    def conflict_values(self, current: GuidanceCase) -> dict:
        """The values someone else saved, for the fields not named as on the case (``core.versioning``)."""
        return {
            "video": current.booked_video,
            "address": current.booked_address,
            "interpreter_needed": current.booked_interpreter_needed,
            "interpreter_language": current.booked_interpreter_language,
        }

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("booked_for"), cleaned.get("booked_time")
        if day and time:
            when = timezone.make_aware(datetime.datetime.combine(day, time))
            if when < timezone.now():
                self.add_error("booked_for", _("The appointment cannot be in the past."))
        if not cleaned.get("video") and not (cleaned.get("address") or "").strip():
            self.add_error("address", _("Give the address, or choose a video meeting."))
        if cleaned.get("interpreter_needed") and not (cleaned.get("interpreter_language") or "").strip():
            self.add_error("interpreter_language", _("Give the interpreter's language."))
        return cleaned


class SessionForm(forms.ModelForm):
    class Meta:
        model = GuidanceSession
        fields = ["date", "minutes", "mode", "interpreter_used", "interpreter_language"]
        widgets = {"date": DateInput(), "mode": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].min_value = 1
        self.fields["minutes"].max_value = 600
        self.fields["minutes"].widget.attrs.update({"min": 1, "max": 600})
        self.fields["mode"].choices = SessionMode.choices
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("interpreter_used") and not (cleaned.get("interpreter_language") or "").strip():
            self.add_error("interpreter_language", _("Give the interpreter's language."))
        if cleaned.get("date") and cleaned["date"] > timezone.localdate():
            self.add_error("date", _("The date of the session cannot be in the future."))
        return cleaned

    def _post_clean(self):
        pass


class CompleteForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = GuidanceCase
        fields = ["completed_on", "recommendation", "recommendation_note"]
        widgets = {
            "completed_on": DateInput(),
            "recommendation": forms.RadioSelect,
            "recommendation_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["completed_on"].required = True
        self.fields["recommendation"].required = True
        self.fields["recommendation"].choices = Recommendation.choices
        if not self.is_bound:
            self.initial.setdefault("completed_on", timezone.localdate())

    def clean_completed_on(self):
        value = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The completion date cannot be in the future."))
        return value

    def _post_clean(self):
        pass


class CorrectCompletionForm(CompleteForm):
    """A correction of a completed case: the same fields, and the version so that nobody's change is overwritten."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = True


def booking_initial(case: GuidanceCase) -> dict:
    """The booking form's values from the case's current appointment."""
    return {
        "booked_for": case.booked_for,
        "booked_time": case.booked_time,
        "video": case.booked_video,
        "address": case.booked_address,
        "interpreter_needed": case.booked_interpreter_needed,
        "interpreter_language": case.booked_interpreter_language,
    }


def case_forms(case: GuidanceCase, user) -> dict:
    """The counsellor's unbound forms for a case, as the participant page and the queue show them."""
    if case.status in (CaseStatus.COMPLETED, CaseStatus.WITHDRAWN):
        return {}
    county = user.county
    return {
        "assign_form": AssignForm(county=county, initial={"counsellor": case.counsellor_id, "version": case.version}),
        "book_form": BookForm(
            county=county,
            initial={
                **booking_initial(case),
                "counsellor": case.counsellor_id or user.pk,
                "version": case.version,
            },
        ),
        "session_form": SessionForm(),
        "complete_form": CompleteForm(initial={"version": case.version}),
    }
