"""Forms of guidance requests: ask, decline."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.regional.requests.models import RequestStatus, RequestTopic
from integrering.regional.validation import FreeTextGuardMixin


class RequestForm(FreeTextGuardMixin, forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=RequestTopic.choices)
    description = forms.CharField(label=_("What does the municipality need?"), max_length=3000, widget=forms.Textarea)
    preferred_dates = forms.CharField(label=_("Preferred dates"), max_length=200, required=False)


class DeclineForm(FreeTextGuardMixin, VersionedFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the request declined?"), max_length=2000, widget=forms.Textarea)


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(RequestStatus.choices), required=False
    )
    mine = forms.BooleanField(label=_("Only my municipalities"), required=False)
