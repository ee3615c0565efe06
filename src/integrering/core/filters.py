from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(label=_("User"), queryset=User.objects.none(), required=False)
    date_from = forms.DateField(label=_("From date"), required=False)
    date_to = forms.DateField(label=_("To date"), required=False)
    record_type = forms.ModelChoiceField(label=_("Record type"), queryset=ContentType.objects.none(), required=False)

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(county=county).order_by("username")
        self.fields["record_type"].queryset = ContentType.objects.filter(
            app_label__in=["core", "municipalities", "settlement", "guidance"]
        ).order_by("app_label", "model")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return cleaned

    def apply(self, entries, reads):
        data = self.cleaned_data
        if data.get("user"):
            entries, reads = entries.filter(actor=data["user"]), reads.filter(user=data["user"])
        if data.get("date_from"):
            entries = entries.filter(timestamp__date__gte=data["date_from"])
            reads = reads.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(timestamp__date__lte=data["date_to"])
            reads = reads.filter(at__date__lte=data["date_to"])
        if data.get("record_type"):
            entries = entries.filter(content_type=data["record_type"])
            reads = reads.filter(record_type=data["record_type"].model)
        return entries, reads
