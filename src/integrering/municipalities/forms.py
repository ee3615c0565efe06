import json
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.collation import sorted_choices
from integrering.core.models import User
from integrering.core.roles import Role
from integrering.core.widgets import DateInput
from integrering.municipalities.models import Municipality
from integrering.municipalities.reference_data import FIRST_YEAR, LAST_YEAR
from integrering.municipalities.services import contact_state


def year_choices() -> list[int]:
    """The years with reference data (names, population), and next year (names as now, population unknown)."""
    return list(range(FIRST_YEAR, max(LAST_YEAR, timezone.localdate().year) + 2))


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and "aar" in data:
            data = {"year": data.get("aar")}
        super().__init__(data, **kwargs)
        years = year_choices()
        self.years = years
        self.fields["year"].choices = [(y, y) for y in years]
        self.fields["year"].error_messages["invalid_choice"] = _("Choose a year from %(first)s to %(last)s.") % {
            "first": years[0],
            "last": years[-1],
        }


class _OfficialNameLabel:
    """Label a municipality with its number and official (SSB) name of the year: «5041 Snåase - Snåsa»."""

    def label_from_instance(self, obj: Municipality) -> str:
        return f"{obj.number} {getattr(obj, 'name_in_year', None) or obj.norwegian_name}"


class MunicipalityChoiceField(_OfficialNameLabel, forms.ModelChoiceField):
    pass


class MunicipalityMultipleChoiceField(_OfficialNameLabel, forms.ModelMultipleChoiceField):
    pass


def current_municipalities(county, year: int | None = None):
    """The county's municipalities valid in ``year`` (default: this year), with that year's official names."""
    year = year or timezone.localdate().year
    return Municipality.objects.for_county(county).valid_in(year).with_name_and_population(year)


class ContactAssignmentForm(forms.Form):
    """Assign a contact person; ``seen`` carries the periods as the form was opened (a lost-update guard)."""

    person = forms.ModelChoiceField(label=_("Contact person"), queryset=User.objects.none())
    municipalities = MunicipalityMultipleChoiceField(
        label=_("Municipalities"), queryset=Municipality.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = forms.DateField(label=_("From date"), initial=timezone.localdate, widget=DateInput)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        county_users = User.objects.filter(county=county, is_active=True).exclude(roles__role=Role.MUNICIPAL_USER)
        self.fields["person"].queryset = county_users.distinct()
        self.fields["person"].choices = sorted_choices(self.fields["person"].queryset, str)
        self.fields["municipalities"].queryset = current_municipalities(county)
        if not self.is_bound:
            self.initial["seen"] = self.state_now()

    def state_now(self) -> str:
        field = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
        return json.dumps(contact_state(field.queryset if field.queryset is not None else ()), separators=(",", ":"))

    def clean_seen(self) -> dict | None:
        """The periods as the form was opened; None (no check) for a post without them (a script)."""
        try:
            seen = json.loads(self.cleaned_data["seen"] or "null")
        except ValueError:
            return None
        return seen if isinstance(seen, dict) else None
