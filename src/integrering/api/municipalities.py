"""``/api/v1/kommuner``: the municipalities the token's user may see, valid in a year, with name and population."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from integrering.api.access import permission_require
from integrering.api.errors import InvalidParameter
from integrering.core.permissions import Perm
from integrering.municipalities.models import Municipality

router = Router(tags=["kommuner"])

MIN_YEAR, MAX_YEAR = 1838, 2100  # the municipalities' founding year; a year far in the future is a mistake


class YearFilter(Schema):
    year: int | None = None


class MunicipalityOut(Schema):
    kommunenummer: str
    navn: str
    andre_navn: str | None  # Sami and Kven names, where the municipality has them
    samisk_forvaltningsomrade: bool
    folketall: int | None
    folketall_aar: int | None
    gyldig_fra: int
    gyldig_til: int | None


def checked_year(year: int | None) -> int:
    year = timezone.localdate().year if year is None else year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidParameter(
            _("The year must be between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}, field="year"
        )
    return year


def _out(municipality) -> MunicipalityOut:
    return MunicipalityOut(
        kommunenummer=municipality.number,
        navn=municipality.name_in_year,
        andre_navn=municipality.other_names or None,
        samisk_forvaltningsomrade=municipality.sami_administrative_area,
        folketall=municipality.population_in_year,
        folketall_aar=municipality.population_year,
        gyldig_fra=municipality.valid_from,
        gyldig_til=municipality.valid_to,
    )


def _municipalities(request: HttpRequest, year: int):
    permission_require(request, Perm.VIEW_MUNICIPALITIES)
    return (
        Municipality.objects.scoped_for(request.user).valid_in(year).with_name_and_population(year).order_by("number")
    )


@router.get("", response=list[MunicipalityOut], summary="The municipalities the user may see, valid in the year")
@paginate(LimitOffsetPagination)  # {"items": [...], "count": n}; ?limit= (≤ 100) and ?offset=
def municipality_list(request: HttpRequest, filters: Query[YearFilter], **kwargs) -> list[MunicipalityOut]:
    year = checked_year(filters.year)
    return [_out(m) for m in _municipalities(request, year)]


@router.get("/{number}", response=MunicipalityOut, summary="One municipality in the year")
def municipality_detail(request: HttpRequest, number: str, filters: Query[YearFilter]) -> MunicipalityOut:
    year = checked_year(filters.year)
    # Only digits reach the database (PostgreSQL refuses a NUL byte in a text parameter with an error).
    found = _municipalities(request, year).filter(number=number).first() if number.isdigit() else None
    if found is None:
        raise Http404(_("No municipality has this number."))
    return _out(found)
