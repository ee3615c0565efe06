"""The caseworker's forms on an application: screening, impartiality, assessment, recommendation."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


def _reason_choices(scheme: Any) -> list[tuple[str, str]]:
    return [(r["code"], f"{r['code']} {r['text']}") for r in scheme.rejection_reasons]


class ScreeningForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Result of the screening"),
        widget=forms.RadioSelect,
        choices=[
            ("complete", _("Complete: to assessment")),
            ("ask", _("Ask for more information")),
            ("reject", _("Reject as formally inadequate")),
        ],
    )
    message = forms.CharField(label=_("What is missing"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    code = forms.ChoiceField(label=_("Rejection reason"), required=False)

    def __init__(self, *args: Any, scheme: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", "–"), *_reason_choices(scheme)]  # type: ignore[attr-defined]


class DeclarationForm(forms.Form):
    impartial = forms.TypedChoiceField(
        label=_("Impartiality (the Public Administration Act § 6)"),
        widget=forms.RadioSelect,
        coerce=lambda value: value == "ja",
        choices=[("ja", _("I am impartial")), ("nei", _("I am disqualified"))],
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class AssessmentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    proposed_amount = forms.IntegerField(label=_("Proposed amount (kr)"), min_value=0)

    def __init__(self, *args: Any, scheme: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in scheme.criteria:
            self.fields[f"score_{criterion['code']}"] = forms.IntegerField(
                label=f"{criterion['name']} ({criterion['weight']} %)", min_value=0, max_value=5
            )

    def scores(self) -> dict[str, int]:
        return {name[6:]: value for name, value in self.cleaned_data.items() if name.startswith("score_")}


class RecommendationForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        widget=forms.RadioSelect,
        choices=[("grant", _("Grant")), ("reject", _("Reject"))],
    )
    amount = forms.IntegerField(label=_("Proposed grant (kr)"), min_value=1, required=False)
    codes = forms.MultipleChoiceField(label=_("Rejection reasons"), widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args: Any, scheme: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = _reason_choices(scheme)  # type: ignore[attr-defined]
