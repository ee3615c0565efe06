"""Completing the letter of a frozen version: only the details it still lacks are offered."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.settlement.recommendation.forms import RecommendationForm, county_staff

LETTER_FIELDS = ("case_officer", "signer", "our_reference", "their_reference")


class LetterCompleteForm(forms.Form):
    def __init__(self, *args, recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        template = RecommendationForm(county=recommendation.settlement_year.county)
        for name in LETTER_FIELDS:
            if not getattr(recommendation, name):
                self.fields[name] = template.fields[name]
        staff = county_staff(recommendation.settlement_year.county)
        for name in ("case_officer", "signer"):
            if name in self.fields:
                self.fields[name].queryset = staff

    def clean(self):
        cleaned = super().clean()
        if self.fields and not any(cleaned.get(name) for name in self.fields):
            raise forms.ValidationError(_("Fill in at least one of the details."))
        return cleaned
