from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from integrering.core.audit import tracked_models
from integrering.core.audit_display import record_type_name
from integrering.core.collation import sorted_choices
from integrering.core.models import User
from integrering.core.widgets import DateInput


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(label=_("User"), queryset=User.objects.none(), required=False)
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput)
    record_type = forms.ModelChoiceField(label=_("Record type"), queryset=ContentType.objects.none(), required=False)

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        users = User.objects.filter(county=county)
        self.fields["user"].queryset = users
        self.fields["user"].choices = sorted_choices(users, lambda u: u.username, _("All"))
        # Only the record types that are logged: a type that can never match is no filter.
        types = ContentType.objects.get_for_models(*tracked_models()).values()
        self.fields["record_type"].queryset = ContentType.objects.filter(pk__in=[t.pk for t in types])
        self.fields["record_type"].choices = sorted_choices(types, record_type_name, _("All"))

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
