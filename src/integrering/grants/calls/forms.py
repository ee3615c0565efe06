"""The caseworker's form for a call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.grants.calls.models import Call
from integrering.grants.common.fields import DateListField


class CallForm(VersionedFormMixin, forms.ModelForm):
    review_dates = DateListField(
        label=_("Review dates"),
        required=False,
        help_text=_("For a rolling call: the dates applications are reviewed, e.g. «01.04.2026, 01.10.2026»."),
    )

    class Meta:
        model = Call
        fields = [
            "year",
            "title",
            "budget_frame",
            "opens_on",
            "closes_on",
            "rolling",
            "review_dates",
            "information",
            "acceptance_days",
            "published",
        ]
        widgets = {
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "information": forms.Textarea(attrs={"rows": 4}),
        }

    def _post_clean(self) -> None:
        # The service checks and saves (``call_create``/``call_update``); the form only parses.
        pass
