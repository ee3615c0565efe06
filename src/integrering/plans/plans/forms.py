"""Forms of the plan, its focus areas and goals. The services check the rules; the version guards against lost
updates (``VersionedFormMixin``)."""

from __future__ import annotations

from django import forms

from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.plans.plans.models import FocusArea, Goal, Plan


class _ServiceModelForm(VersionedFormMixin, forms.ModelForm):
    """A model form whose data goes to a service (the service validates and saves; the model is not touched)."""

    def _post_clean(self) -> None:
        pass


class PlanForm(_ServiceModelForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "slug",
            "first_year",
            "last_year",
            "status",
            "adopted_on",
            "adopted_by",
            "public",
            "stale_days",
        ]
        widgets = {"adopted_on": DateInput()}


class FocusAreaForm(_ServiceModelForm):
    class Meta:
        model = FocusArea
        fields = ["identifier", "title", "area", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class GoalForm(_ServiceModelForm):
    class Meta:
        model = Goal
        fields = ["identifier", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
