"""Reads of the county's criteria: the county's own working material (a municipal user gets a 404)."""

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.settlement.criteria.models import CriterionDefinition
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import county_only


def criteria_of_county(user) -> QuerySet[CriterionDefinition]:
    county_only(user)
    return CriterionDefinition.objects.scoped_for(user).annotate(value_count=Count("values"))


def criterion_get(user, pk: int) -> CriterionDefinition:
    found = criteria_of_county(user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("The criterion was not found."))
    return found


def criteria_of_county_for_year(settlement_year: SettlementYear) -> list[CriterionDefinition]:
    return list(CriterionDefinition.objects.for_county(settlement_year.county_id).order_by("name"))
