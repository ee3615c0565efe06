"""The county's recommendation: choosing a scenario run makes a new, frozen version.

There is deliberately no function that changes a :class:`Recommendation`: a change is a new
version (n + 1) with a reason (required from version 2 on); earlier versions stay as they were.
Making a recommendation copies its numbers to ``SettlementFigure.recommended``; a year in planning then
stands at «recommended», as its stage follows the data (``years.status``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.municipalities.models import Municipality
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.scenarios.inputs import method_description
from integrering.settlement.scenarios.models import ScenarioRun
from integrering.settlement.years.models import SettlementYear


def _numbers_of_run(run: ScenarioRun) -> dict[str, int]:
    return {row["kommunenummer"]: int(row["antall"]) for row in run.result["rows"]}


def _minors_of_run(run: ScenarioRun) -> dict[str, int] | None:
    """The run's unaccompanied minors per municipality, or None when the run spread no minors' frame."""
    if run.result.get("minors_total") is None:
        return None
    return {row["kommunenummer"]: int(row.get("herav_ema") or 0) for row in run.result["rows"]}


def _figures_set(settlement_year: SettlementYear, numbers: dict[str, int], minors: dict[str, int] | None) -> None:
    municipalities = {
        m.number: m for m in Municipality.objects.filter(county_id=settlement_year.county_id, number__in=list(numbers))
    }
    unknown = sorted(set(numbers) - set(municipalities))
    if unknown:
        raise ApplicationError(
            _("The municipalities %(numbers)s do not belong to the county."), params={"numbers": ", ".join(unknown)}
        )
    existing = {f.municipality_id: f for f in SettlementFigure.objects.filter(settlement_year=settlement_year)}
    # Saved one by one (38 rows for Trøndelag) so that every change is in the audit log.
    for number, value in numbers.items():
        municipality = municipalities[number]
        figure = existing.get(municipality.pk)
        value_minors = None if minors is None else int(minors.get(number, 0))
        if figure is None:
            SettlementFigure.objects.create(
                settlement_year=settlement_year,
                municipality=municipality,
                recommended=value,
                recommended_ema=value_minors,
            )
        elif figure.recommended != value or figure.recommended_ema != value_minors:
            figure.recommended, figure.recommended_ema = value, value_minors
            figure.save(update_fields=["recommended", "recommended_ema"])  # Versioned: bumps the version


@transaction.atomic
def recommendation_make(
    *,
    settlement_year: SettlementYear,
    user,
    reason: str = "",
    run: ScenarioRun | None = None,
    numbers: dict[str, int] | None = None,
    minors: dict[str, int] | None = None,
    description: str = "",
    expected_latest: int | None = None,
) -> Recommendation:
    """Make version n + 1 of the year's recommendation from a scenario run (or, for imports, plain numbers).

    The run's unaccompanied minors (when it spread the year's frame for them) are frozen with the numbers
    (``Recommendation.minors``) and copied to ``SettlementFigure.recommended_ema``; with plain numbers,
    ``minors`` may give them (each within its municipality's number).

    ``expected_latest``: the latest version the user saw (0: none); when someone else has made a newer one
    since, :class:`ConcurrentEdit` (with that version as ``current``) and nothing is written.
    """
    year = SettlementYear.objects.select_for_update().get(pk=settlement_year.pk)
    if expected_latest is not None:
        newest = Recommendation.objects.filter(settlement_year=year).order_by("-version").first()
        if (newest.version if newest else 0) != expected_latest:
            raise ConcurrentEdit(current=newest)
    if run is not None:
        if run.scenario.settlement_year_id != year.pk:
            raise ApplicationError(_("The run belongs to another settlement year."))
        numbers = _numbers_of_run(run)
        minors = _minors_of_run(run)
        description = description or method_description(run.inputs)
    if not numbers:
        raise ApplicationError(_("The recommendation must have numbers for at least one municipality."))
    if any(int(v) < 0 for v in numbers.values()):
        raise ApplicationError(_("A recommended number cannot be negative."))
    if minors is not None:
        minors = {number: int(minors.get(number, 0)) for number in numbers}
        if any(not 0 <= minors[n] <= int(numbers[n]) for n in numbers):
            raise ApplicationError(
                _("The unaccompanied minors of a municipality must be from 0 to its recommended number.")
            )
    latest = Recommendation.objects.filter(settlement_year=year).order_by("-version").first()
    version = latest.version + 1 if latest else 1
    reason = (reason or "").strip()
    if version > 1 and not reason:
        raise ApplicationError(
            _("A new version of the recommendation must have a reason for the change."), field="reason"
        )
    _figures_set(year, numbers, minors)
    recommendation = Recommendation.objects.create(
        settlement_year=year,
        version=version,
        run=run,
        numbers=dict(sorted(numbers.items())),
        minors=None if minors is None else dict(sorted(minors.items())),
        method_description=description,
        reason=reason,
        chosen_by=user,
    )
    year.save(update_fields=["version"])  # Versioned: bumps the version (the stage follows the data)
    return recommendation
