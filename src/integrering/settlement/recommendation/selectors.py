"""Reads of the year's recommendations (frozen versions): the county's own, a municipal user gets a 404."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.municipalities.models import Municipality
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import names_in_year, settlement_year_get


def recommendations_of_year(settlement_year: SettlementYear) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.for_county(settlement_year.county_id)
        .filter(settlement_year=settlement_year)
        .select_related("chosen_by", "run__scenario")
        .order_by("-version")
    )


def recommendation_get(user, year: int, version: int) -> Recommendation:
    settlement_year = settlement_year_get(user, year)
    found = (
        Recommendation.objects.scoped_for(user)
        .filter(settlement_year=settlement_year, version=version)
        .select_related("chosen_by", "run__scenario")
        .first()
    )
    if found is None:
        raise Http404(_("This version of the recommendation was not found."))
    return found


def recommendation_rows(recommendation: Recommendation) -> tuple[list[dict], int]:
    """(rows sorted by number, total) for display, exports and the letter.

    Each row: ``kommunenummer``, ``navn``, ``antall`` and ``minors`` (of them unaccompanied minors; None when
    the recommendation has none — their sum is ``recommendation.minors_total``)."""
    numbers = recommendation.numbers
    minors = recommendation.minors
    municipalities = list(Municipality.objects.filter(number__in=list(numbers)).order_by("number"))
    names = names_in_year(municipalities, recommendation.settlement_year.year)
    rows = [
        {
            "kommunenummer": m.number,
            "navn": names[m.pk],
            "antall": int(numbers[m.number]),
            "minors": None if minors is None else int(minors.get(m.number, 0)),
        }
        for m in municipalities
    ]
    return rows, sum(int(numbers[m.number]) for m in municipalities)
