"""Forms of the participant register: register or edit a participant, the municipality's § 12 decision, and
the list's filters. They only check and shape input; the writes and the rules' checks (fødselsnummer, dates
against the birth date, months) are in ``services`` and come back as ``ApplicationError`` with a
message, which ``form_page`` puts on the right field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.guidance.compliance.describe import FINDING_LABELS
from integrering.guidance.participants.models import Participant

PARTICIPANT_FIELDS = [
    "municipality",
    "reference",
    "name",
    "birth_date",
    "national_id",
    "duf_number",
    "permit_category",
    "permit_date",
    "settlement_date",
    "settled_by_agreement",
    "education_level",
    "language",
    "interpreter_needed",
    "mapping_date",
    "full_time_upper_secondary",
]
DECISION_FIELDS = ["decision_date", "programme_start", "end_goal", "planned_duration_months", "extension_months"]


def _unknown_first(field: forms.Field) -> None:
    """A choice that may be unknown: the empty option reads «Ukjent», not dashes."""
    # A model choice field (TypedChoiceField); form.fields is typed as plain Fields in django-stubs.
    field.choices = [("", _("Unknown")), *[c for c in field.choices if c[0] != ""]]  # type: ignore[attr-defined]


def _dates(*names: str) -> dict:
    return {name: DateInput() for name in names}


class ParticipantForm(VersionedFormMixin, forms.ModelForm):
    """Register or edit a participant.

    ``has_national_id``: the participant has a number registered. The form never shows it (one mask on every
    page; seeing it is the participant page's separately logged action): the field starts empty, and empty
    keeps the stored number; a new number replaces it; «remove» removes it.
    """

    remove_national_id = forms.BooleanField(label=_("Remove the registered number"), required=False)

    class Meta:
        model = Participant
        fields = PARTICIPANT_FIELDS
        widgets = _dates("birth_date", "permit_date", "settlement_date", "mapping_date")

    field_order = [*PARTICIPANT_FIELDS[:5], "remove_national_id"]

    def __init__(self, *args, municipalities, fixed_municipality=None, has_national_id=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_national_id = has_national_id
        if has_national_id:
            self.initial.pop("national_id", None)
            self.fields["national_id"].help_text = _(
                "Registered – hidden. Leave empty to keep the number, or type a new one to replace it."
            )
        else:
            del self.fields["remove_national_id"]
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].empty_label = None if fixed_municipality else "—"
        if fixed_municipality is not None:
            self.fields["municipality"].initial = fixed_municipality.pk
            self.fields["municipality"].disabled = True
        for name in ("permit_category", "education_level"):
            _unknown_first(self.fields[name])
        self.fields["national_id"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        # Spaces and a dash may be typed; the service compacts and checks the number.
        self.fields["national_id"].validators = []
        self.fields["national_id"].max_length = 14
        self.fields["national_id"].widget.attrs["maxlength"] = 14

    def _post_clean(self):
        # The model instance is not used: the service checks and writes the facts.
        pass

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("remove_national_id") and (cleaned.get("national_id") or "").strip():
            self.add_error("national_id", _("Type a new number or remove the registered one, not both."))
        return cleaned

    def facts(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("version", "municipality", "reference"):
            data.pop(name, None)
        remove = data.pop("remove_national_id", False)
        if remove:
            data["national_id"] = ""
        elif self.has_national_id and not (data.get("national_id") or "").strip():
            data.pop("national_id", None)  # empty keeps the registered number
        return data


class DecisionForm(VersionedFormMixin, forms.ModelForm):
    """The municipality's § 12 decision and programme."""

    class Meta:
        model = Participant
        fields = DECISION_FIELDS
        widgets = _dates("decision_date", "programme_start")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _unknown_first(self.fields["end_goal"])
        self.fields["decision_date"].required = True

    def _post_clean(self):
        pass


FIGURES = [
    ("", _("All")),
    ("decided", _("In the target group, decision made")),
    ("guidance_before_decision", _("Guidance completed before the decision")),
    ("guidance_completed", _("Guidance completed")),
    ("overdue", _("Decision overdue")),
]


class ParticipantFilterForm(forms.Form):
    """The list's filters; the compliance page links here with the same parameters."""

    q = forms.CharField(label=_("Name or reference"), required=False, max_length=100)
    kommune = forms.ChoiceField(label=_("Municipality"), required=False)
    funn = forms.ChoiceField(label=_("Finding"), required=False)
    alvorlighet = forms.ChoiceField(
        label=_("Severity"),
        required=False,
        choices=[
            ("", _("All")),
            ("error", _("Errors")),
            ("warning", _("Warnings")),
            ("info", _("Information")),
        ],
    )
    figur = forms.ChoiceField(label=_("Status"), required=False, choices=FIGURES)

    def __init__(self, data=None, *, municipalities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["kommune"].choices = [("", _("All"))] + [
            (m.number, f"{m.number} {m.norwegian_name}") for m in municipalities
        ]
        self.fields["funn"].choices = [("", _("All"))] + sorted(
            ((code, str(label)) for code, label in FINDING_LABELS.items()), key=lambda c: c[1]
        )


class ParticipantImportForm(forms.Form):
    """The municipality's participant list (CSV or XLSX); the import checks it all before anything is written."""

    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("The columns are described in the README (referanse, kommunenummer, navn, fodselsdato …)."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file, save nothing"), required=False)
