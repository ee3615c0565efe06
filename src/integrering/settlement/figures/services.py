"""Writes for the figures of a year: a municipality's figures with optimistic locking, its own decision,
and applying an import (all-or-nothing).

«Anbefalt» (recommended) is written by the recommendation (``recommendation.services``); once the year
has one, these functions refuse to change it (:class:`RecommendationLocked`).
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.municipalities.models import Municipality
from integrering.settlement.errors import InvalidFigures, RecommendationLocked, StaleVersion
from integrering.settlement.figures.models import FIGURE_FIELDS, SettlementFigure
from integrering.settlement.limits import persons_check
from integrering.settlement.years.models import SettlementYear

FIGURE_DETAIL_FIELDS = (
    "requested_on",
    "request_reference",
    "decided_on",
    "decision_reference",
    "settled_as_of",
    "settled_source",
)
EMA_PAIRS = (("requested_ema", "requested"), ("decided_ema", "decided"), ("settled_ema", "settled"))


def ema_problems(values: dict) -> list[str]:
    """The pairs where «of which unaccompanied minors» exceeds the total (both known)."""
    return [
        ema
        for ema, main in EMA_PAIRS
        if values.get(ema) is not None and values.get(main) is not None and values[ema] > values[main]
    ]


def _figure(settlement_year: SettlementYear, municipality: Municipality) -> SettlementFigure:
    figure = (
        SettlementFigure.objects.select_for_update()
        .filter(settlement_year=settlement_year, municipality=municipality)
        .first()
    )
    return figure or SettlementFigure(settlement_year=settlement_year, municipality=municipality, version=0)


@transaction.atomic
def figure_update(
    *, settlement_year: SettlementYear, municipality: Municipality, values: dict, version: int | None
) -> SettlementFigure:
    """Set some of a municipality's figures (None = unknown).

    ``version`` is the version the user saw (0 when there was no record yet); a different current
    version raises :class:`StaleVersion` and nothing is written.
    """
    figure = _figure(settlement_year, municipality)
    if version is not None and figure.version != version:
        raise StaleVersion(figure)
    if (
        "recommended" in values
        and values["recommended"] != figure.recommended
        and settlement_year.recommendations.exists()
    ):
        raise RecommendationLocked(settlement_year)
    allowed = set(FIGURE_FIELDS) | set(FIGURE_DETAIL_FIELDS) | {"accepts_minors"}
    for name, value in values.items():
        if name not in allowed:
            raise TypeError(f"Unknown field: {name}")
        setattr(figure, name, value)
    persons_check(values, FIGURE_FIELDS)
    if ema_problems({f: getattr(figure, f) for f in FIGURE_FIELDS}):
        raise InvalidFigures(_("The number of unaccompanied minors cannot be larger than the total."))
    if figure.pk is None:
        figure.version = 1
    figure.save()  # Versioned: the UPDATE also matches only the version read above
    return figure


@transaction.atomic
def minors_acceptance_set(*, settlement_year: SettlementYear, accepting: Iterable[str]) -> int:
    """Say which of the year's municipalities can take unaccompanied minors (``accepting``: their numbers; the
    others cannot). Returns how many records changed; each is saved on its own (the audit log shows it).

    A municipality without a figure record can take minors (the default), so a record is made only for one
    that cannot. A number that is not one of the year's municipalities of the county changes nothing."""
    wanted = set(accepting)
    municipalities = {
        m.number: m
        for m in Municipality.objects.filter(county_id=settlement_year.county_id).valid_in(settlement_year.year)
    }
    unknown = sorted(wanted - set(municipalities))
    if unknown:
        raise InvalidFigures(
            _("The municipalities %(numbers)s are not in the county this year."),
            params={"numbers": ", ".join(unknown)},
        )
    existing = {
        f.municipality_id: f
        for f in SettlementFigure.objects.select_for_update().filter(settlement_year=settlement_year)
    }
    changed = 0
    for number, municipality in sorted(municipalities.items()):
        accepts = number in wanted
        figure = existing.get(municipality.pk)
        if figure is None and accepts:
            continue
        if figure is None:
            figure = SettlementFigure(settlement_year=settlement_year, municipality=municipality, version=1)
        elif figure.accepts_minors == accepts:
            continue
        figure.accepts_minors = accepts
        figure.save()  # Versioned: bumps the version of an existing record
        changed += 1
    return changed


@transaction.atomic
def decision_register(
    *,
    municipality: Municipality,
    settlement_year: SettlementYear,
    decided: int | None,
    decided_ema: int | None,
    decided_on: datetime.date | None,
    reference: str,
    version: int | None = None,
) -> SettlementFigure:
    """A municipality registers its own council decision (number, of which minors, date, reference)."""
    if settlement_year.county_id != municipality.county_id or not municipality.is_valid_in(settlement_year.year):
        raise InvalidFigures(_("The municipality does not belong to this settlement year."), field="municipality")
    return figure_update(
        settlement_year=settlement_year,
        municipality=municipality,
        version=version,
        values={
            "decided": decided,
            "decided_ema": decided_ema,
            "decided_on": decided_on,
            "decision_reference": reference,
        },
    )


@transaction.atomic
def figures_apply(
    *, county: County, year: int, rows: Iterable[tuple[Municipality, dict]]
) -> tuple[SettlementYear, int]:
    """Write imported values; the year is created if missing. Returns the year and the number of records changed.

    Idempotent: a record whose values are already the imported ones is not saved again.
    """
    settlement_year = SettlementYear.objects.get_or_create(county=county, year=year)[0]
    existing = {
        f.municipality_id: f
        for f in SettlementFigure.objects.select_for_update().filter(settlement_year=settlement_year)
    }
    frozen = settlement_year.recommendations.exists()
    changed = 0
    for municipality, values in rows:
        figure = existing.get(municipality.pk) or SettlementFigure(
            settlement_year=settlement_year, municipality=municipality, version=0
        )
        if all(getattr(figure, k) == v for k, v in values.items()):
            continue  # nothing changes (a missing record with only unknown values stays missing)
        if frozen and "recommended" in values and values["recommended"] != figure.recommended:
            raise RecommendationLocked(settlement_year)
        persons_check(values, FIGURE_FIELDS)
        for name, value in values.items():
            setattr(figure, name, value)
        if ema_problems({f: getattr(figure, f) for f in FIGURE_FIELDS}):
            raise InvalidFigures(
                _("%(municipality)s: the number of unaccompanied minors is larger than the total."),
                params={"municipality": municipality},
            )
        if figure.pk is None:
            figure.version = 1
        figure.save()
        changed += 1
    return settlement_year, changed


@transaction.atomic
def figures_apply_years(*, county: County, plans: Iterable) -> dict[int, int]:
    """Write several years' imported values (IMDi's files) in one transaction: all years or none.
    ``plans``: :class:`~.imports.ImportPlan` objects without errors. Returns the records changed per year."""
    return {plan.year: figures_apply(county=county, year=plan.year, rows=plan.rows)[1] for plan in plans}
