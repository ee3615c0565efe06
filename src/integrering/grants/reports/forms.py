"""The applicant's report forms (status report, final report with accounts and the accountant's confirmation) and
the caseworker's handling of a report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.templatetags.formatting import number
from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput


class StatusReportForm(VersionedFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What has been done so far"),
        widget=forms.Textarea,
        max_length=20_000,
        help_text=_("Activities, participants and results so far; anything that has changed or is delayed."),
    )

    def report_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"text": data["text"]}


class FinalReportForm(VersionedFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What was done and achieved"),
        widget=forms.Textarea,
        max_length=20_000,
        help_text=_("Activities, number of participants and results, measured against the application."),
    )

    def __init__(self, *args: Any, costs: list[dict[str, Any]], accountant: int | None, **kwargs: Any) -> None:
        """``costs``: the cost plan's lines; ``accountant``: the threshold when the confirmation is required."""
        super().__init__(*args, **kwargs)
        self.lines = len(costs)
        for i, line in enumerate(costs):
            self.fields[f"actual_{i}"] = forms.IntegerField(
                label=_("%(item)s: actual cost (kr)") % {"item": line["item"]},
                min_value=0,
                help_text=_("Planned: %(amount)s kr") % {"amount": number(line["amount"])},
            )
        self.fields["total"] = forms.IntegerField(
            label=_("Total actual costs (kr)"), min_value=0, help_text=_("The sum of the lines above.")
        )
        if accountant is not None:
            self.fields["accountant_name"] = forms.CharField(
                label=_("The accountant's name"),
                max_length=200,
                required=False,
                help_text=_("The grant is %(threshold)s kr or more: the accounts must be confirmed by an accountant.")
                % {"threshold": number(accountant)},
            )
            self.fields["accountant_orgnr"] = forms.CharField(
                label=_("The accountant's organisation number"), max_length=20, required=False
            )
            self.fields["accountant_confirmed"] = forms.BooleanField(
                label=_("The accountant has confirmed the accounts"), required=False
            )
            self.fields["accountant_date"] = forms.DateField(
                label=_("Date of the accountant's confirmation"), widget=DateInput(), required=False
            )
            self.fields["accountant_statement"] = forms.FileField(
                label=_("The accountant's signed confirmation"),
                required=False,
                help_text=_(
                    "PDF or image. When you send the report again, the file sent before is kept unless you add a new one."
                ),
            )

    def report_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": data["text"],
            "actual": [data[f"actual_{i}"] for i in range(self.lines)],
            "total": data["total"],
            "accountant": {
                "name": data.get("accountant_name"),
                "orgnr": data.get("accountant_orgnr"),
                "confirmed": data.get("accountant_confirmed"),
                "date": data.get("accountant_date"),
                "statement": data.get("accountant_statement"),
            },
        }


def report_initial(report: Any) -> dict[str, Any]:
    """A report's values as the form's initial data (sending it again after the caseworker asked for more)."""
    initial: dict[str, Any] = {"text": report.text, "version": report.version}
    for i, line in enumerate(report.accounts):
        initial[f"actual_{i}"] = line["actual"]
    if report.accounts:
        initial["total"] = report.actual_total
    initial |= {
        "accountant_name": report.accountant_name,
        "accountant_orgnr": report.accountant_orgnr,
        "accountant_confirmed": report.accountant_confirmed,
        "accountant_date": report.accountant_date,
    }
    return initial


class ReportHandleForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the report")), ("return", _("Ask for more"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("What is missing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text=_("Only when you ask for more: the organisation gets it by e-mail."),
    )
