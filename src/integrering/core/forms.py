from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality


class UserForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput, required=False,
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "municipality", "is_active"]
        labels = {
            "username": _("Username"), "first_name": _("First name"), "last_name": _("Last name"),
            "email": _("E-mail"), "is_active": _("Active"),
        }

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.county = county
        self.fields["municipality"].queryset = Municipality.objects.filter(county=county, valid_to__isnull=True)
        self.fields["municipality"].required = False
        if self.instance.pk:
            self.initial["roles"] = [r.value for r in self.instance.role_set]
        else:
            self.fields["password"].required = True
            self.fields["password"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        roles = set(cleaned.get("roles") or [])
        if Role.MUNICIPAL_USER in roles and not cleaned.get("municipality"):
            self.add_error("municipality", _("A municipal user must belong to a municipality."))
        if Role.MUNICIPAL_USER not in roles and cleaned.get("municipality"):
            self.add_error("municipality", _("Only municipal users belong to a municipality."))
        if Role.MUNICIPAL_USER in roles and len(roles) > 1:
            self.add_error("roles", _("A municipal user cannot also hold county roles."))
        password = cleaned.get("password")
        if password:
            try:
                validate_password(password, self.instance)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned
