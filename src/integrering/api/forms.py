"""The administrator's form to make an API token for a user of their county."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.widgets import DateInput


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.username})"


class TokenCreateForm(forms.Form):
    user = UserChoiceField(
        label=_("User"),
        queryset=User.objects.none(),
        help_text=_("The token acts as this user: with the user's roles and county."),
    )
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. «Statistikk»."))
    expires = forms.DateField(label=_("Expires"), required=False, widget=DateInput())

    def __init__(self, *args: Any, county: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(county=county, is_active=True).order_by("username")
