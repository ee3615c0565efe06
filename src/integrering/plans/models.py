"""The plans app's models, one module per sub-domain, imported here so that Django and the migrations find them
under the app label ``plans``."""

from integrering.plans.annual_report.models import DigestSent, SectionIntroduction
from integrering.plans.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from integrering.plans.measures.models import (
    ActionProgramme,
    ActionProgrammeItem,
    Light,
    Measure,
    MeasureLink,
    MeasureStatus,
    StatusUpdate,
)
from integrering.plans.plans.models import Area, FocusArea, Goal, Plan, PlanStatus
from integrering.plans.reports.models import PeriodReport

__all__ = [
    "ActionProgramme",
    "ActionProgrammeItem",
    "Area",
    "DigestSent",
    "FocusArea",
    "Goal",
    "Indicator",
    "IndicatorTarget",
    "IndicatorValue",
    "Light",
    "Measure",
    "MeasureLink",
    "MeasureStatus",
    "PeriodReport",
    "Plan",
    "PlanStatus",
    "SectionIntroduction",
    "StatusUpdate",
]
