"""Forms for the county's criteria: definitions, values of one criterion for a year, and the import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.settlement.criteria.models import CriterionDefinition


class CriterionForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CriterionDefinition
        fields = ["code", "name", "unit", "higher_is_better", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["invalid"] = _(
            "The code may contain only the letters a–z (not æ, ø or å), digits, hyphens (-) and underscores (_), "
            "without spaces; for example «sysselsetting» or «intro_resultat»."
        )
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("The code cannot be changed: scenarios and files refer to it.")


class SourceFields(forms.Form):
    source = forms.CharField(label=_("Source"), max_length=255, help_text=_("For example «SSB, table 12345»."))
    source_date = forms.DateField(label=_("Date of the source"), widget=DateInput, required=False)


class CriterionImportForm(SourceFields):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"), help_text=_("Column «kommunenummer» and one column per criterion code.")
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("The file must be CSV or XLSX."))
        if uploaded.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return uploaded


class CriterionValuesForm(SourceFields):
    """One value field per municipality: ``municipalities`` is [(number, name, current value, its version)].

    Each value carries the version the user saw (``ver_<number>``, 0 when there was none): saving refuses
    the whole form when any of them has changed since (see ``services.criterion_values_save``).
    """

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = [(number, name, value) for number, name, value, _version in municipalities]
        for number, name, value, version in municipalities:
            field = forms.DecimalField(
                required=False, max_digits=14, decimal_places=4, initial=value, label=f"{number} {name}"
            )
            self.fields[f"v_{number}"] = field
            self.fields[f"ver_{number}"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, min_value=0, initial=version
            )

    def versions(self) -> dict[str, int | None]:
        return {number: self.cleaned_data.get(f"ver_{number}") for number, _name, _value in self.municipalities}

    def value_rows(self):
        return [(number, name, self[f"v_{number}"]) for number, name, _value in self.municipalities]
