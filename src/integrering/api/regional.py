"""``/api/v1/aktiviteter/kommuner``: the county's regional activities per municipality in a year — how many began
in the year and reached the municipality, in all and per area of responsibility (``"2"``, ``"3"``, ``"4"``, ``"6"``
…). Counts only, from ``regional.report.activity_summaries``: no titles, no names, no participants."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from integrering.api.access import permission_require
from integrering.api.municipalities import YearFilter, checked_year
from integrering.core.permissions import Perm
from integrering.regional.report import activity_summaries

router = Router(tags=["aktiviteter"])


class ActivitySummaryOut(Schema):
    kommunenummer: str
    aar: int
    aktiviteter: int
    per_omrade: dict[str, int]  # area of responsibility (1–7) → activities


@router.get(
    "/kommuner",
    response=list[ActivitySummaryOut],
    summary="Activities per municipality in the year, in all and per area of responsibility (counts only)",
)
@paginate(LimitOffsetPagination)  # {"items": [...], "count": n}; ?limit= (≤ 100) and ?offset=
def summaries(request: HttpRequest, filters: Query[YearFilter], **kwargs) -> list[ActivitySummaryOut]:
    permission_require(request, Perm.VIEW_REGIONAL)
    year = checked_year(filters.year)
    county = getattr(request.user, "county_id", None)  # a token always acts as a user of a county
    return [ActivitySummaryOut(**row) for row in activity_summaries(county=county, year=year)]
