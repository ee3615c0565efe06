"""Forms for the figures: the inline row, the full edit page with dates and sources, a municipality's
decision, and the import upload."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.widgets import DateInput
from integrering.settlement.figures.models import FIGURE_FIELDS, SettlementFigure
from integrering.settlement.figures.services import EMA_PAIRS
from integrering.settlement.limits import persons_field

MAX_UPLOAD = 5 * 1024 * 1024


def _check_minors(form, data):
    for ema, main in EMA_PAIRS:
        if ema in form.fields and data.get(ema) is not None and data.get(main) is not None and data[ema] > data[main]:
            form.add_error(ema, _("Cannot be larger than the total."))


class FigureForm(forms.ModelForm):
    """All figures of one municipality (the inline row); an empty field means unknown (not zero).

    ``locked``: the year has a recommendation, so «recommended» is shown disabled; it changes only by
    a new version of the recommendation.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = SettlementFigure
        fields = list(FIGURE_FIELDS)

    def __init__(self, *args, locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FIGURE_FIELDS:
            persons_field(self.fields[name]).widget.attrs.update(inputmode="numeric", size=5)
        if locked:
            field = self.fields["recommended"]
            field.help_text = _(
                "Locked by the county's recommendation. A change needs a new version of the "
                "recommendation, with a reason."
            )
            # Shown disabled. A value that was posted all the same (a page opened before the recommendation
            # was made) goes to the service, which refuses a change with a message instead of dropping it.
            field.disabled = not (self.is_bound and "recommended" in self.data)

    def lock(self, message: str | None = None) -> None:
        """Show «recommended» disabled again (with the service's message, if any)."""
        if message:
            self.add_error("recommended", message)
        self.fields["recommended"].disabled = True

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class FigureDetailsForm(FigureForm):
    """The figures with the date and source document of each (the full edit page)."""

    class Meta(FigureForm.Meta):
        fields = [
            *FIGURE_FIELDS,
            "accepts_minors",
            "requested_on",
            "request_reference",
            "decided_on",
            "decision_reference",
            "settled_as_of",
            "settled_source",
        ]
        widgets = dict.fromkeys(("requested_on", "decided_on", "settled_as_of"), DateInput)

    def clean(self):
        data = super().clean()
        _check_minors(self, data)
        return data


class DecisionForm(forms.Form):
    decided = persons_field(
        forms.IntegerField(
            label=_("Number decided"),
            required=False,
            help_text=_("Leave empty if not decided yet; 0 if the municipality said no."),
        )
    )
    decided_ema = persons_field(forms.IntegerField(label=_("Of which unaccompanied minors"), required=False))
    decided_on = forms.DateField(label=_("Date of the decision"), required=False, widget=DateInput)
    reference = forms.CharField(label=_("Reference to the council decision"), max_length=255, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean(self):
        data = super().clean()
        if (
            data.get("decided_ema") is not None
            and data.get("decided") is not None
            and data["decided_ema"] > data["decided"]
        ):
            self.add_error("decided_ema", _("Cannot be larger than the total."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "Columns: kommunenummer or kommune, and any of anmodet, anmodet_ema, vedtatt, "
            "vedtatt_ema, bosatt, bosatt_ema, avtalt_ikke_bosatt. An empty cell means unknown."
        ),
    )
    document_date = forms.DateField(
        label=_("Date of the document"),
        required=False,
        widget=DateInput,
        help_text=_(
            "For example the date of IMDi's letter of request, or the date the settled figures are counted to."
        ),
    )
    document_source = forms.CharField(
        label=_("Reference to the document"),
        max_length=255,
        required=False,
        help_text=_(
            "For example «IMDi, anmodning om bosetting 2025, ref. 24/01234». The date and reference are "
            "stored with the requested and settled figures the file changes. A decision's date and case "
            "number are the municipality's own: give them per row in the columns vedtatt_dato and "
            "vedtatt_kilde (also anmodet_dato, anmodet_kilde, bosatt_dato and bosatt_kilde exist)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too large (at most 5 MB)."))
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


class MinorsAcceptanceForm(forms.Form):
    """Which of the year's municipalities can take unaccompanied minors (``municipalities``: [(number, label)])."""

    accepting = forms.MultipleChoiceField(
        label=_("Can take unaccompanied minors"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, municipalities: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["accepting"]).choices = municipalities
