"""The county administrator's form for the letter settings (Versioned: no lost update)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from integrering.core.letterhead import selectors
from integrering.core.letterhead.models import CountyLetterSettings
from integrering.core.versioning import VersionedFormMixin

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def organisation_number_clean(value: str) -> str:
    """Nine digits with the modulus-11 check digit of Brønnøysundregistrene; spaces are allowed when typed."""
    digits = "".join(value.split())
    if not digits:
        return ""
    if not (digits.isdigit() and len(digits) == 9):
        raise forms.ValidationError(_("The organisation number must be nine digits, e.g. 817 920 632."))
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(digits[8]):
        raise forms.ValidationError(
            _("%(number)s is not a valid organisation number (the check digit is wrong).") % {"number": value}
        )
    return digits


class CountyLetterSettingsForm(VersionedFormMixin, forms.ModelForm):
    organisation_number = forms.CharField(label=_lazy("Organisation number"), required=False, max_length=20)

    class Meta:
        model = CountyLetterSettings
        fields = [
            "letter_name",
            "postal_address",
            "visiting_address",
            "organisation_number",
            "email",
            "phone",
            "signer_title",
            "case_officer_title",
            "addressee",
            "recommendation_body",
            "attachments",
        ]
        labels = {
            "letter_name": _lazy("The county's name in letters"),
            "postal_address": _lazy("Postal address"),
            "visiting_address": _lazy("Visiting address"),
            "email": _lazy("E-mail address"),
            "phone": _lazy("Telephone"),
            "signer_title": _lazy("Title of the person who signs"),
            "case_officer_title": _lazy("Title of the case officer"),
            "addressee": _lazy("Addressee (one line each)"),
            "recommendation_body": _lazy("Text of the letter with the recommendation"),
            "attachments": _lazy("Attachments (one a line)"),
        }
        help_texts = {
            "letter_name": _lazy("The proper name, e.g. «Trøndelag fylkeskommune»."),
            "recommendation_body": _lazy(
                "Paragraphs separated by an empty line. Placeholders: {fylkeskommune}, {år}, {antall} (the sum), "
                "{kommuner} (how many municipalities), {kriterier} (the criteria in prose), {unntak} (the "
                "exceptions in prose)."
            ),
        }
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "addressee": forms.Textarea(attrs={"rows": 3}),
            "recommendation_body": forms.Textarea(attrs={"rows": 10}),
            "attachments": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        county = self.instance.county
        # Empty values show the defaults the letter uses, so the administrator edits the real text.
        defaults = {
            "letter_name": selectors.default_letter_name(county),
            "addressee": selectors.default_addressee(),
            "recommendation_body": selectors.default_recommendation_body(),
            "attachments": selectors.default_attachments(),
        }
        for name, value in defaults.items():
            if not getattr(self.instance, name):
                self.initial[name] = value

    def clean_organisation_number(self) -> str:
        return organisation_number_clean(self.cleaned_data.get("organisation_number") or "")

    def clean_recommendation_body(self) -> str:
        text = self.cleaned_data.get("recommendation_body") or ""
        unknown = selectors.unknown_placeholders(text)
        if unknown:
            raise forms.ValidationError(
                _("Unknown placeholder %(unknown)s. Allowed: %(allowed)s.")
                % {
                    "unknown": ", ".join("{" + u + "}" for u in unknown),
                    "allowed": ", ".join("{" + p + "}" for p in selectors.PLACEHOLDERS),
                }
            )
        return text
