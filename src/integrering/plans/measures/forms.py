"""Forms of a measure, a status update, an action programme revision and a link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.widgets import DateInput
from integrering.plans.measures.models import Light, Measure, MeasureStatus
from integrering.plans.plans.forms import _ServiceModelForm
from integrering.plans.plans.models import Area


class MeasureForm(_ServiceModelForm):
    areas = forms.MultipleChoiceField(
        label=_("Areas of responsibility"), choices=Area.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Measure
        fields = [
            "identifier",
            "title",
            "description",
            "areas",
            "responsible_unit",
            "primary_person",
            "contributors",
            "partners",
            "start",
            "end",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "contributors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, county: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(county=county, is_active=True).order_by("first_name", "last_name", "username")
        self.fields["primary_person"].queryset = people  # type: ignore[attr-defined]
        self.fields["contributors"].queryset = people  # type: ignore[attr-defined]


class StatusUpdateForm(forms.Form):
    text = forms.CharField(label=_("What has happened"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    light = forms.ChoiceField(label=_("Traffic light"), choices=Light.choices, widget=forms.RadioSelect)
    light_comment = forms.CharField(
        label=_("Why is the light not green?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    public = forms.BooleanField(label=_("The text may be shown on the public plan page"), required=False)


class ProgrammeItemForm(forms.Form):
    include = forms.BooleanField(label=_("In the programme"), required=False)
    budget = forms.IntegerField(label=_("Budget (NOK)"), min_value=0, max_value=10**12, required=False)
    responsible = forms.CharField(label=_("Responsible"), max_length=255, required=False)


class ProgrammeNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note on the revision"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    target = forms.ChoiceField(label=_("Record"), choices=())

    def __init__(self, *args: Any, options: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—"), *options]  # type: ignore[attr-defined]
