"""Forms for a settlement year: creating it, and editing its frame, deadlines and stage."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.widgets import DateInput
from integrering.settlement.limits import persons_field
from integrering.settlement.years.models import SettlementYear, Stage
from integrering.settlement.years.services import YEAR_FIELDS


class FrameMixin:
    """The frame is a number of persons (at most a million); unaccompanied minors cannot exceed the county total."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("total", "total_minors"):
            persons_field(self.fields[name])

    def clean(self):
        data = super().clean()
        if (
            data.get("total") is not None
            and data.get("total_minors") is not None
            and data["total_minors"] > data["total"]
        ):
            self.add_error("total_minors", _("Cannot be larger than the total."))
        return data


class YearCreateForm(FrameMixin, forms.ModelForm):
    class Meta:
        model = SettlementYear
        fields = ["year", "total", "total_minors", "frame_source", "frame_date"]
        widgets = {"frame_date": DateInput}

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.county = county
        self.fields["year"].min_value = 2000
        self.fields["year"].widget.attrs.update(min=2000, max=2100)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("The year must be between 2000 and 2100."))
        if SettlementYear.objects.filter(county=self.county, year=year).exists():
            raise forms.ValidationError(_("This settlement year already exists."))
        return year


class YearEditForm(FrameMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = SettlementYear
        fields = list(YEAR_FIELDS)
        widgets = {
            **dict.fromkeys(("frame_date", "recommendation_deadline", "decision_deadline"), DateInput),
            "stage_override_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "decision_deadline": _(
                "IMDi's deadline: after it, a municipality with a request but no decision is shown."
            ),
            "stage_override_reason": _("Required when the stage is set by hand. Kept in the audit log."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage_override"].choices = [("", _("Follow the registered figures")), *Stage.choices]

    def clean(self):
        data = super().clean()
        if data.get("stage_override") and not (data.get("stage_override_reason") or "").strip():
            self.add_error("stage_override_reason", _("Give a reason for setting the stage by hand."))
        return data
