"""The form that makes a new version of the recommendation from a run (a reason from version 2 on)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RecommendationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the year already has a recommendation."),
    )

    # The latest version the user saw (0: none): a recommendation made by someone else meanwhile is not
    # silently replaced (``recommendation_make(expected_latest=...)``).
    latest = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, reason_required: bool = False, latest: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        self.fields["latest"].initial = latest
