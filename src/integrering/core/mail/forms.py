from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.mail.models import SentEmail
from integrering.core.widgets import DateInput


class SentEmailFilterForm(forms.Form):
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *SentEmail.Status.choices])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return cleaned

    def apply(self, emails: QuerySet[SentEmail]) -> QuerySet[SentEmail]:
        """The messages recorded on the chosen days (Norwegian time) with the chosen status."""
        data = self.cleaned_data
        if data.get("date_from"):
            emails = emails.filter(created_at__date__gte=data["date_from"])
        if data.get("date_to"):
            emails = emails.filter(created_at__date__lte=data["date_to"])
        if data.get("status"):
            emails = emails.filter(status=data["status"])
        return emails
