from __future__ import annotations

from django import forms

from integrering.core.widgets import DateInput
from integrering.plans.reports.models import PeriodReport


class ReportForm(forms.ModelForm):
    class Meta:
        model = PeriodReport
        fields = ["title", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def _post_clean(self) -> None:
        pass
