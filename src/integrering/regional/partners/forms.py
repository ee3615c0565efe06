"""Forms of partners, agreements, forums, meetings and action points."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.widgets import DateInput
from integrering.regional.activities.forms import county_staff
from integrering.regional.partners.models import Partner, PartnerKind
from integrering.regional.validation import FreeTextGuardMixin


class PartnerForm(FreeTextGuardMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnerKind.choices)
    notes = forms.CharField(label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea)


class AgreementForm(FreeTextGuardMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), max_length=3000, widget=forms.Textarea)
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())


class ForumForm(FreeTextGuardMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), max_length=3000, required=False, widget=forms.Textarea)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), queryset=Partner.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Partner.objects.for_county(county)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    minutes = forms.FileField(
        label=_("Minutes"),
        required=False,
        help_text=_("PDF, Word, PowerPoint, Excel, text, PNG or JPEG; at most 10 MB."),
    )


class ActionPointForm(FreeTextGuardMixin, forms.Form):
    description = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Partner.objects.none())
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = county_staff(county)
