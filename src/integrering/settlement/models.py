"""The settlement app's models, defined in its sub-domain packages and gathered here.

Django finds an app's models through this module, and the migrations name them as ``settlement.<Model>``
whichever package defines them. Import a model from here or from its sub-domain's ``models.py``.
"""

from integrering.settlement.criteria.models import CriterionDefinition, CriterionValue
from integrering.settlement.figures.models import FIGURE_FIELDS, SettlementFigure
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.scenarios.models import Method, Scenario, ScenarioRun
from integrering.settlement.years.models import SettlementYear, Stage

__all__ = [
    "FIGURE_FIELDS",
    "CriterionDefinition",
    "CriterionValue",
    "Method",
    "Recommendation",
    "Scenario",
    "ScenarioRun",
    "SettlementFigure",
    "SettlementYear",
    "Stage",
]
