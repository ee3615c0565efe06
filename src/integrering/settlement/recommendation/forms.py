"""The form that makes a new version of the recommendation from a run (a reason from version 2 on), with what
the letter to IMDi needs: case officer, signer and both references (frozen with the version)."""

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


def county_staff(county):
    """The county's own active staff (not municipal users): who may be case officer or sign a letter."""
    users = get_user_model().objects.filter(is_active=True, municipality__isnull=True)
    users = users.filter(county=county) if county is not None else users.none()
    return users.order_by("first_name", "last_name", "username")


class RecommendationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the year already has a recommendation."),
    )
    case_officer = forms.ModelChoiceField(
        label=_("Case officer"), queryset=get_user_model().objects.none(), required=False
    )
    signer = forms.ModelChoiceField(
        label=_("Signed by"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("The person who signs the letter to IMDi."),
    )
    our_reference = forms.CharField(
        label=_("Our reference"), max_length=100, required=False, help_text=_("The county's case number.")
    )
    their_reference = forms.CharField(
        label=_("Your reference"), max_length=100, required=False, help_text=_("IMDi's reference for the request.")
    )

    # Freezing cannot be undone: the user confirms, with what it means in the label (no script needed).
    confirm = forms.BooleanField(
        label=_("I understand that this freezes the recommendation"),
        help_text=_(
            "Freezing saves this run's numbers as a version of the recommendation, with the letter to IMDi. "
            "The numbers and the letter of that version can no longer be changed; to change them, you make a "
            "new version (with a reason) from a run."
        ),
        error_messages={"required": _("Confirm that you want to freeze the recommendation.")},
    )

    # The latest version the user saw (0: none): a recommendation made by someone else meanwhile is not
    # silently replaced (``recommendation_make(expected_latest=...)``).
    latest = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(
        self, *args, reason_required: bool = False, latest: int | None = None, county=None, previous=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        self.fields["latest"].initial = latest
        staff = county_staff(county)
        for name in ("case_officer", "signer"):
            cast(forms.ModelChoiceField, self.fields[name]).queryset = staff
        if previous is not None:  # the letter of the next version usually keeps these
            self.fields["case_officer"].initial = previous.case_officer_id
            self.fields["signer"].initial = previous.signer_id
            self.fields["our_reference"].initial = previous.our_reference
            self.fields["their_reference"].initial = previous.their_reference
