"""Forms for applicants: registration, an organisation, adding a colleague."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.grants.schemes.models import ApplicantKind
from integrering.municipalities.models import Municipality


class RegistrationForm(forms.Form):
    county = forms.ModelChoiceField(label=_("County"), queryset=County.objects.all(), empty_label=None)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), help_text=_("You log in with your e-mail address."))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords are not the same."))
        elif data.get("password"):
            try:
                validate_password(data["password"])
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class OrganisationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ApplicantKind.choices)
    name = forms.CharField(
        label=_("Name"), max_length=200, required=False, help_text=_("A municipality applies under its own name.")
    )
    orgnr = forms.CharField(label=_("Organisation number"), max_length=20)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        help_text=_("The municipality that applies, or where the organisation is."),
    )
    bank_account = forms.CharField(label=_("Bank account"), max_length=20)
    email = forms.EmailField(label=_("E-mail for the organisation"))
    small_business = forms.BooleanField(label=_("Small business (state-aid rules)"), required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("The colleague's e-mail address"))
