"""Writes for scenarios: create, update, copy, run, reproduce, and «start from last year».

A scenario is editable until one of its runs is chosen as the year's recommendation; then it is
frozen (copy it to change it). Every run is saved with its complete engine input, so
:func:`scenario_run_reproduce` gives the identical result later.

Errors a user can cause raise :class:`~integrering.settlement.errors.ScenarioInvalid` (an ``ApplicationError``) or
:class:`integrering.allocation.AllocationError` (the engine's Norwegian message: bad input or an
infeasible scenario); nothing is saved then.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from integrering import allocation
from integrering.core.exceptions import ConcurrentEdit
from integrering.settlement.criteria.models import POPULATION
from integrering.settlement.errors import ScenarioInvalid
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.limits import MAX_PERSONS, MAX_PERSONS_TEXT, MAX_WEIGHT
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.scenarios.constraints import Constraints
from integrering.settlement.scenarios.inputs import (
    ENGINE_VERSION,
    allocate_from_inputs,
    criterion_values,
    engine_arguments,
    inputs_build,
    result_data,
)
from integrering.settlement.scenarios.models import Method, Scenario, ScenarioRun
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.selectors import municipalities_in_year

SCENARIO_FIELDS = (
    "name",
    "description",
    "method",
    "total",
    "min_lot",
    "minors_min_lot",
    "base",
    "criteria",
    "constraints",
)


def constraints_validate(constraints: dict) -> dict:
    """The constraints through their typed structure (:class:`Constraints`); what is stored. Raises
    :class:`ScenarioInvalid` naming every problem."""
    return Constraints.from_json(constraints).to_json()


def criteria_validate(criteria: list[dict]) -> None:
    if not criteria:
        raise ScenarioInvalid([_("Choose at least one criterion.")])
    codes = [c["code"] for c in criteria]
    if len(set(codes)) != len(codes):
        raise ScenarioInvalid([_("A criterion is chosen more than once.")])
    for c in criteria:
        if not 0 <= float(c.get("weight", 1)) <= MAX_WEIGHT or float(c.get("exponent", 1)) <= 0:
            raise ScenarioInvalid(
                [
                    _("Criterion «%(code)s»: the weight must be from 0 to %(max)s and the exponent above 0.")
                    % {"code": c["code"], "max": MAX_WEIGHT}
                ]
            )


def numbers_validate(data: dict) -> None:
    """The total and the minimum lot are numbers of persons: whole, 0 or more, at most a million."""
    for key, label in (
        ("total", _("The total")),
        ("min_lot", _("The minimum lot")),
        ("minors_min_lot", _("The minimum lot for unaccompanied minors")),
    ):
        value = data.get(key)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_PERSONS):
            raise ScenarioInvalid(
                [
                    _("%(label)s must be a whole number from 0 to %(limit)s.")
                    % {"label": label, "limit": MAX_PERSONS_TEXT}
                ],
                field=key,
            )


def _is_frozen(scenario: Scenario) -> bool:
    return Recommendation.objects.filter(run__scenario=scenario).exists()


def scenario_is_frozen(*, scenario: Scenario) -> bool:
    return scenario.pk is not None and _is_frozen(scenario)


def _clean(values: dict) -> dict:
    data = {k: values[k] for k in SCENARIO_FIELDS if k in values}
    data.setdefault("criteria", [{"code": POPULATION, "weight": 1.0, "exponent": 1.0}])
    data.setdefault("constraints", {})
    criteria_validate(data["criteria"])
    data["constraints"] = constraints_validate(data["constraints"])
    numbers_validate(data)
    if data.get("method", Method.OPTIMAL) not in Method.values:
        raise ScenarioInvalid([_("Unknown method «%(method)s».") % {"method": data["method"]}], field="method")
    return data


@transaction.atomic
def scenario_create(*, settlement_year: SettlementYear, user, name: str, **values) -> Scenario:
    data = _clean(dict(values, name=name))
    data.setdefault("total", settlement_year.total)
    return Scenario.objects.create(settlement_year=settlement_year, created_by=user, **data)


@transaction.atomic
def scenario_update(*, scenario: Scenario, version: int | None = None, **values) -> Scenario:
    """Change a scenario; ``version`` (if given) must match (someone else may have saved meanwhile)."""
    locked = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if _is_frozen(locked):
        raise ScenarioInvalid(
            [_("The scenario is chosen as the recommendation and is locked. Make a copy to change it.")]
        )
    if version is not None and version != locked.version:
        raise ConcurrentEdit(current=locked)
    data = _clean({**{k: getattr(locked, k) for k in SCENARIO_FIELDS}, **values})
    for key, value in data.items():
        setattr(locked, key, value)
    locked.save()  # Versioned: bumps the version
    return locked


@transaction.atomic
def scenario_copy(*, scenario: Scenario, user, name: str | None = None) -> Scenario:
    values = {k: getattr(scenario, k) for k in SCENARIO_FIELDS}
    values["name"] = name or (_("Copy of %(name)s") % {"name": scenario.name})[:120]
    return Scenario.objects.create(settlement_year=scenario.settlement_year, created_by=user, **values)


def scenario_run(*, scenario: Scenario, user) -> ScenarioRun:
    """Run the engine on the scenario and save the run with all its inputs.

    Raises :class:`allocation.AllocationError` with the engine's Norwegian message (nothing saved).
    """
    inputs = inputs_build(scenario)
    result = allocate_from_inputs(inputs)
    with transaction.atomic():
        return ScenarioRun.objects.create(
            scenario=scenario,
            run_by=user,
            method=inputs["method"],
            inputs=inputs,
            result=result_data(result),
            objective=round(result.objective, 6),
            engine_version=ENGINE_VERSION,
        )


def scenario_run_reproduce(*, run: ScenarioRun) -> dict:
    """Run the engine again on the run's saved inputs; returns the result (same shape as ``run.result``)."""
    return result_data(allocate_from_inputs(run.inputs))


def scenario_run_is_reproducible(*, run: ScenarioRun) -> bool:
    return scenario_run_reproduce(run=run) == run.result


def scenario_sensitivity(
    *, scenario: ScenarioRun | Scenario, draws: int = 200, spread: float = 0.2, seed: int = 1
) -> allocation.Sensitivity:
    """The engine's sensitivity analysis on the scenario's current inputs (not saved)."""
    inputs = scenario.inputs if isinstance(scenario, ScenarioRun) else inputs_build(scenario)
    municipalities, total, parameters, method = engine_arguments(inputs)
    return allocation.sensitivity(
        municipalities, total, parameters, draws=draws, spread=spread, seed=seed, method=method
    )


def _calibration_year(settlement_year: SettlementYear) -> tuple[SettlementYear, list[SettlementFigure]]:
    """The latest earlier year of the county with IMDi's requests registered, and those figures."""
    earlier = SettlementYear.objects.filter(county_id=settlement_year.county_id, year__lt=settlement_year.year)
    previous = (
        earlier.filter(figures__requested__isnull=False).distinct().order_by("-year").first()
        or earlier.order_by("-year").first()
    )
    if previous is None:
        raise ScenarioInvalid(
            [
                _("There is no settlement year %(year)s or earlier to calibrate against.")
                % {"year": settlement_year.year - 1}
            ]
        )
    figures = list(
        SettlementFigure.objects.filter(settlement_year=previous, requested__isnull=False).select_related(
            "municipality"
        )
    )
    if not figures:
        raise ScenarioInvalid(
            [
                _("No requests are registered for %(year)s; there is nothing to calibrate against.")
                % {"year": previous.year}
            ]
        )
    return previous, figures


@transaction.atomic
def scenario_from_last_year(
    *, settlement_year: SettlementYear, user, min_lot: int = 10, criteria: tuple[str, ...] = (POPULATION,)
) -> tuple[Scenario, allocation.Calibration, int]:
    """Calibrate on the previous year's requests and save the parameters as a new scenario; returns the scenario,
    the calibration and the year calibrated on.

    When the previous year is missing (or has no requests), the latest earlier year with requests is used
    (the caller says which). Municipalities that were asked for 0 that year are excluded in the new scenario
    (with that as the reason), as the calibration treats them. The total is the year's total, or that year's
    requests' sum if the year has none yet.
    """
    previous, figures = _calibration_year(settlement_year)
    municipalities = [f.municipality for f in figures]
    values = criterion_values(previous.county_id, list(criteria), municipalities, previous.year)[0]
    engine_municipalities = [
        allocation.Municipality(
            number=f.municipality.number, name=f.municipality.norwegian_name, criteria=values[f.municipality_id]
        )
        for f in figures
    ]
    targets = {f.municipality.number: f.requested for f in figures if f.requested is not None}  # all are (the filter)
    calibration = allocation.calibrate(engine_municipalities, targets, list(criteria), min_lot=min_lot)
    p = calibration.parameters
    current = {m.number for m in municipalities_in_year(settlement_year)}
    constraints = {
        number: {
            "excluded": True,
            "fixed": None,
            "minimum": None,
            "cap": None,
            "reason": _("Got 0 in the request for %(year)s.") % {"year": previous.year},
        }
        for number, requested in sorted(targets.items())
        if requested == 0 and number in current
    }
    rmse = f"{calibration.rmse:.2f}".replace(".", ",")
    scenario = scenario_create(
        settlement_year=settlement_year,
        user=user,
        name=_("Calibrated on %(year)s") % {"year": previous.year},
        description=_(
            "Parameters that best reproduce the request for %(year)s (root-mean-square deviation %(rmse)s persons)."
        )
        % {"year": previous.year, "rmse": rmse},
        method=Method.OPTIMAL,
        total=settlement_year.total or sum(targets.values()),
        min_lot=min_lot,
        base=Decimal(str(round(p.base, 2))),
        criteria=[
            {"code": code, "weight": float(p.weights[code]), "exponent": float(p.exponents.get(code, 1.0))}
            for code in criteria
        ],
        constraints=constraints,
    )
    return scenario, calibration, previous.year
