"""``/api/v1/tilskudd/tildelinger``: the grants awarded in a year — the same data as the public page
``/tilskudd/tildelinger/<år>/`` (``grants.public.selectors.awarded_in``): county, scheme, the recipient
organisation, its municipality, the project and the amount. Organisations, never persons; public data, so any
valid token reads it."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from integrering.api.access import permission_require
from integrering.api.municipalities import YearFilter, checked_year
from integrering.core.permissions import Perm
from integrering.grants.public.selectors import awarded_in

router = Router(tags=["tilskudd"])


class AwardedGrantOut(Schema):
    aar: int
    fylkesnummer: str
    fylke: str
    ordning: str
    mottaker: str
    kommunenummer: str
    kommune: str
    prosjekt: str
    tilsagn: int


@router.get(
    "/tildelinger",
    response=list[AwardedGrantOut],
    summary="The grants awarded in the year (the public list: organisations, never persons)",
)
@paginate(LimitOffsetPagination)  # {"items": [...], "count": n}; ?limit= (≤ 100) and ?offset=
def awarded_list(request: HttpRequest, filters: Query[YearFilter], **kwargs) -> list[AwardedGrantOut]:
    permission_require(request, Perm.HOME)
    year = checked_year(filters.year)
    return [
        AwardedGrantOut(
            aar=year,
            fylkesnummer=grant.county.number,
            fylke=grant.county.name,
            ordning=grant.call.scheme.name,
            mottaker=grant.organisation.name,
            kommunenummer=grant.organisation.municipality.number,
            kommune=grant.organisation.municipality.norwegian_name,
            prosjekt=grant.project_title,
            tilsagn=grant.granted_amount or 0,
        )
        for grant in awarded_in(year)
    ]
