"""The competence-mapping date as a form field (the referral form asks for it)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.widgets import DateInput


class MappingDateField(forms.DateField):
    """The date of the competence mapping (§§ 6, 10): required, today or earlier."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Competence mapping date"))
        kwargs.setdefault("widget", DateInput)
        kwargs.setdefault("help_text", _("Career guidance builds on the competence mapping (§§ 6, 10 and 11)."))
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("The mapping date cannot be in the future."))
