"""Forms of an indicator, its targets and a hand-entered value."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.registry import metrics
from integrering.plans.indicators.models import Indicator
from integrering.plans.plans.forms import _ServiceModelForm


class IndicatorForm(_ServiceModelForm):
    metric_key = forms.ChoiceField(label=_("Values"), required=False)

    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "baseline_year", "metric_key"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("Entered by hand"))]
        choices += [(m.key, f"{m.label} ({m.source})") for m in metrics()]
        self.fields["metric_key"].choices = choices  # type: ignore[attr-defined]


class IndicatorValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class IndicatorTargetForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    target = forms.DecimalField(
        label=_("Target"),
        max_digits=14,
        decimal_places=2,
        required=False,
        help_text=_("Empty removes the year's target."),
    )
