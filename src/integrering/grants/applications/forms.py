"""The applicant's stepwise form: one form per step, each saving the draft; the summary submits."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.grants.applicants.models import Organisation
from integrering.grants.common.fields import MoneyLinesField
from integrering.municipalities.models import Municipality


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Apply for"), queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ProjectForm(VersionedFormMixin, forms.Form):
    project_title = forms.CharField(label=_("Project title"), max_length=200, required=False)
    project_summary = forms.CharField(label=_("What the project will do"), widget=forms.Textarea, required=False)
    starts_on = forms.DateField(label=_("Project starts"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Project ends"), widget=DateInput(), required=False)
    activities = forms.CharField(
        label=_("Activities and timeline"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What happens when, e.g. one line per activity with its months."),
    )


class TargetForm(VersionedFormMixin, forms.Form):
    target_group = forms.CharField(label=_("Target group"), widget=forms.Textarea, required=False)
    participant_count = forms.IntegerField(
        label=_("Number of participants"),
        min_value=0,
        required=False,
        help_text=_("Only when the project has participants."),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities involved"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipalities


class MoneyForm(VersionedFormMixin, forms.Form):
    costs = MoneyLinesField(
        key="item", label=_("Cost plan"), required=False, help_text=_("One cost per line: what;amount in kroner.")
    )
    amount_applied = forms.IntegerField(label=_("Amount applied for (kr)"), min_value=0, required=False)
    financing = MoneyLinesField(
        key="source",
        label=_("Other financing"),
        required=False,
        help_text=_(
            "Your own share and other sources, one per line: source;amount. With the amount applied for it must add "
            "up to the costs."
        ),
    )


STEPS: dict[int, tuple[Any, Any]] = {
    1: (_("The project"), ProjectForm),
    2: (_("Target group and municipalities"), TargetForm),
    3: (_("Costs and financing"), MoneyForm),
}


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("May be submitted until"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the organisation may submit after the deadline. The reason is kept with the application."),
    )
