from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.widgets import DateInput


class ReclaimForm(forms.Form):
    amount = forms.IntegerField(label=_("Amount to repay (kr)"), min_value=1)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        help_text=_("Unused or misused funds: what and why. The letter to the organisation quotes it."),
    )
    due_on = forms.DateField(label=_("Repay by"), widget=DateInput())


class RepaidForm(forms.Form):
    repaid_on = forms.DateField(label=_("Repaid on"), widget=DateInput())
