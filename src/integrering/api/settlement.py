"""``/api/v1/bosetting``: the county's settlement years, the year's figures and its frozen recommendation.

The figures are the rows of ``integrering export-settlement`` (``settlement.figures.exports.settlement_table``):
the same columns, an unknown value is ``null`` and a «no» is ``0``, and the same «Sum» row as ``sum``.
The county's figures and recommendation are county-wide: a municipal user's token gets a 404 for them,
as on the pages.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import create_model

from integrering.api.access import permission_require
from integrering.api.municipalities import MAX_YEAR, MIN_YEAR
from integrering.core.permissions import Perm
from integrering.settlement.figures.exports import SETTLEMENT_COLUMNS, settlement_table
from integrering.settlement.recommendation.selectors import recommendation_rows, recommendations_of_year
from integrering.settlement.years.selectors import settlement_year_get, whole_county_year_for_user, years_for_user

router = Router(tags=["bosetting"])

FIGURE_COLUMNS = [column for column, _name in SETTLEMENT_COLUMNS]

# One field per column of export-settlement, in its order (a new export column is a new field here).
FiguresRow: Any = create_model(
    "FiguresRow",
    __base__=Schema,
    kommunenummer=(str, ...),
    kommune=(str, ...),
    **dict.fromkeys(FIGURE_COLUMNS, (int | None, ...)),  # type: ignore[call-overload]
)
FiguresSum: Any = create_model(
    "FiguresSum",
    __base__=Schema,
    **dict.fromkeys(FIGURE_COLUMNS, (int | None, ...)),  # type: ignore[call-overload]
)


class YearOut(Schema):
    aar: int
    fylke: str


class FiguresOut(Schema):
    fylke: str
    aar: int
    kommuner: list[FiguresRow]
    sum: FiguresSum


class RecommendationRow(Schema):
    kommunenummer: str
    kommune: str
    anbefalt: int
    anbefalt_ema: int | None


class RecommendationOut(Schema):
    fylke: str
    aar: int
    versjon: int
    frosset: str
    kommuner: list[RecommendationRow]
    sum: int
    sum_ema: int | None


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404(_("The settlement year was not found."))
    return year


@router.get("", response=list[YearOut], summary="The settlement years of the token's county")
def year_list(request: HttpRequest) -> list[YearOut]:
    permission_require(request, Perm.VIEW_SETTLEMENT)
    return [YearOut(aar=y.year, fylke=y.county.number) for y in years_for_user(request.user).order_by("year")]


def figures(request: HttpRequest, year: int) -> dict[str, Any]:
    permission_require(request, Perm.VIEW_SETTLEMENT)
    settlement_year = whole_county_year_for_user(request.user, _year(year))
    table = settlement_table(settlement_year)
    *rows, total = table.rows
    return {
        "fylke": settlement_year.county.number,
        "aar": settlement_year.year,
        "kommuner": [dict(zip(["kommunenummer", "kommune", *FIGURE_COLUMNS], row, strict=True)) for row in rows],
        "sum": dict(zip(FIGURE_COLUMNS, total[2:], strict=True)),
    }


@router.get(
    "/{year}",
    response={200: FiguresOut, 304: None},
    summary="The year's figures per municipality (as export-settlement); ETag/If-None-Match",
)
def figures_of_year(request: HttpRequest, year: int) -> Any:
    body = figures(request, year)
    etag = '"' + hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(json.dumps(body), content_type="application/json")
    response["ETag"] = etag
    return response


@router.get("/{year}/anbefaling", response=RecommendationOut, summary="The year's latest frozen recommendation")
def recommendation_of_year(request: HttpRequest, year: int) -> RecommendationOut:
    permission_require(request, Perm.VIEW_SETTLEMENT)
    settlement_year = settlement_year_get(request.user, _year(year))
    recommendation = recommendations_of_year(settlement_year).first()
    if recommendation is None:
        raise Http404(_("No recommendation has been frozen for this year."))
    rows, total = recommendation_rows(recommendation)
    return RecommendationOut(
        fylke=settlement_year.county.number,
        aar=settlement_year.year,
        versjon=recommendation.version,
        frosset=recommendation.chosen_at.isoformat(),
        kommuner=[
            RecommendationRow(
                kommunenummer=r["kommunenummer"], kommune=r["navn"], anbefalt=r["antall"], anbefalt_ema=r["minors"]
            )
            for r in rows
        ],
        sum=total,
        sum_ema=recommendation.minors_total,
    )
