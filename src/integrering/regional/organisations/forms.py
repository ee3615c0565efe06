"""Forms of the organisation register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.municipalities.models import Municipality
from integrering.regional.organisations.models import Organisation
from integrering.regional.validation import FreeTextGuardMixin


class OrganisationForm(FreeTextGuardMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "orgnr",
            "name",
            "form_code",
            "municipality",
            "address",
            "postcode",
            "postal_place",
            "website",
            "in_voluntary_register",
            "active",
            "notes",
        ]

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.for_county(county).order_by("number")
        if self.instance.pk:
            self.fields["orgnr"].disabled = True

    def _post_clean(self):
        pass  # the service validates the model and checks the version


class ContactForm(FreeTextGuardMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation number"), required=False, max_length=100)
    kommune = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=_("All"),
    )
    aktiv = forms.ChoiceField(
        label=_("Active"), choices=[("", _("All")), ("ja", _("Active")), ("nei", _("Not active"))], required=False
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].queryset = Municipality.objects.for_county(county).order_by("number")
