from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.widgets import DateInput
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100, required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and "aar" in data:
            data = {"year": data.get("aar")}
        super().__init__(data, **kwargs)


class ContactAssignmentForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Contact person"), queryset=User.objects.none())
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"), queryset=Municipality.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    start = forms.DateField(label=_("From date"), initial=timezone.localdate, widget=DateInput)

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        county_users = User.objects.filter(county=county, is_active=True).exclude(roles__role=Role.MUNICIPAL_USER)
        self.fields["person"].queryset = county_users.distinct().order_by("first_name", "last_name")
        year = timezone.localdate().year
        self.fields["municipalities"].queryset = Municipality.objects.filter(county=county, valid_from__lte=year).exclude(valid_to__lt=year)
