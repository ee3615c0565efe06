"""The caseworker's form for a grant scheme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import VersionedFormMixin
from integrering.grants.common.fields import CriteriaField, PercentListField, ReasonsField
from integrering.grants.schemes.models import ApplicantKind, Scheme


class SchemeForm(VersionedFormMixin, forms.ModelForm):
    applicant_kinds = forms.MultipleChoiceField(
        label=_("Who may apply"), choices=ApplicantKind.choices, widget=forms.CheckboxSelectMultiple
    )
    criteria = CriteriaField(
        label=_("Assessment criteria"),
        help_text=_("One per line: code;name;weight. The weights add up to 100."),
    )
    payment_plan = PercentListField(
        label=_("Payment plan"),
        help_text=_("Instalments in per cent of the grant, e.g. «75, 25» (on acceptance, after the report) or «100»."),
    )
    rejection_reasons = ReasonsField(label=_("Standard rejection reasons"), help_text=_("One per line: code;text."))

    class Meta:
        model = Scheme
        fields = [
            "code",
            "name",
            "legal_basis",
            "purpose",
            "applicant_kinds",
            "max_share_percent",
            "max_share_small_business_percent",
            "criteria",
            "conditions",
            "report_due_months",
            "accountant_threshold",
            "payment_plan",
            "rejection_reasons",
            "active",
        ]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3}), "conditions": forms.Textarea(attrs={"rows": 4})}

    def _post_clean(self) -> None:
        # The service checks and saves (``scheme_create``/``scheme_update``); the form only parses.
        pass
