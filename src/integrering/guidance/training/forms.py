"""Forms of the county's Norwegian training: enrol, update hours and absence, and the choice of one
municipality or all (the § 30 list's filter and the export's choice)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.guidance.training.models import TrainingEnrolment
from integrering.municipalities.models import Municipality


class EnrolmentForm(forms.ModelForm):
    class Meta:
        model = TrainingEnrolment
        fields = ["school", "target_level", "start", "end", "hours_planned"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def _post_clean(self):
        pass


class EnrolmentUpdateForm(VersionedFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required: without it a save could silently overwrite someone else's change.
        self.fields["version"].required = True

    class Meta:
        model = TrainingEnrolment
        fields = [
            "school",
            "target_level",
            "start",
            "end",
            "hours_planned",
            "hours_attended",
            "absence_hours",
            "completed",
        ]
        widgets = {"start": DateInput(), "end": DateInput()}

    def _post_clean(self):
        pass


class MunicipalityChoiceForm(forms.Form):
    """One municipality or all: the export's choice, and the filter of the § 30 list."""

    kommune = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, data=None, *, municipalities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["kommune"].queryset = municipalities
