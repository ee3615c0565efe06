"""The bridge between a scenario in the database and the pure distribution engine.

:func:`inputs_build` collects everything the engine needs for a scenario into one JSON-able dict
(the municipalities valid in the settlement year with their name and criteria values, the
constraints and the parameters). A :class:`~integrering.settlement.scenarios.models.ScenarioRun` stores that
dict as it is, so :func:`allocate_from_inputs` can repeat the run exactly, whatever has changed in
the database since.

Population (code ``folketall``) is the municipality's population on 1 January of the settlement
year, or, when that is not yet published, the latest year available (the inputs record the year).
Other criteria are the county's :class:`CriterionValue` rows of the settlement year.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from integrering import allocation
from integrering.allocation.wording import whole
from integrering.municipalities.models import Municipality
from integrering.settlement.criteria.models import POPULATION, CriterionDefinition, CriterionValue
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.scenarios.constraints import Constraints
from integrering.settlement.scenarios.models import Scenario
from integrering.settlement.scenarios.run_inputs import run_inputs
from integrering.settlement.years.selectors import municipalities_in_year, names_in_year, population_values

# Bumped when the shape of ``inputs`` or the engine's contract changes (2: ``optimal`` against the
# formula's quotas with a documented tie rule; a base that leaves no room is refused; 3: the year's frame
# for unaccompanied minors, ``minors_total``/``minors_min_lot`` and ``accepts_minors`` per municipality —
# inputs without them are run without minors, as before).
ENGINE_VERSION = "allocation/3"


def criterion_values(
    county_id: int, codes: list[str], municipalities: Sequence[Municipality], year: int
) -> tuple[dict[int, dict[str, float]], dict[str, dict]]:
    """(values per municipality id and code, description per code) for the given codes and year."""
    per_municipality: dict[int, dict[str, float]] = {m.pk: {} for m in municipalities}
    described: dict[str, dict] = {}
    wanted = [c for c in codes if c != POPULATION]
    if POPULATION in codes:
        values, years = population_values(municipalities, year)
        for pk, value in values.items():
            per_municipality[pk][POPULATION] = value
        described[POPULATION] = {
            "name": _("Population 1 January"),
            "higher_is_better": True,
            "source": _("SSB, table 07459"),
            "years": sorted(set(years.values())),
        }
    if wanted:
        definitions = {d.code: d for d in CriterionDefinition.objects.filter(county_id=county_id, code__in=wanted)}
        for code in wanted:
            if code not in definitions:
                raise allocation.InvalidInput(
                    _("The criterion «%(code)s» is not (any longer) in the county's list of criteria.") % {"code": code}
                )
            d = definitions[code]
            described[code] = {"name": d.name, "unit": d.unit, "higher_is_better": d.higher_is_better}
        rows = CriterionValue.objects.filter(
            definition__in=definitions.values(),
            municipality__in=municipalities,
            year=year,
        ).values("municipality_id", "definition__code", "value", "source")
        sources: dict[str, set] = {}
        for row in rows:
            per_municipality[row["municipality_id"]][row["definition__code"]] = float(row["value"])
            if row["source"]:
                sources.setdefault(row["definition__code"], set()).add(row["source"])
        for code, found in sources.items():
            described[code]["source"] = "; ".join(sorted(found))
    return per_municipality, described


def inputs_build(scenario: Scenario) -> dict:
    """Everything the engine needs for ``scenario``, as plain JSON-able data."""
    settlement_year = scenario.settlement_year
    year = settlement_year.year
    municipalities = municipalities_in_year(settlement_year)
    codes = [c["code"] for c in scenario.criteria]
    values, described = criterion_values(settlement_year.county_id, codes, municipalities, year)
    names = names_in_year(municipalities, year)
    constraints = Constraints.from_json(scenario.constraints)  # the typed structure, checked again
    refusing = minors_refused(settlement_year)
    rows = []
    for m in municipalities:
        c = constraints.get(m.number)
        rows.append(
            {
                "number": m.number,
                "name": names[m.pk],
                "criteria": values[m.pk],
                "excluded": c.excluded,
                "fixed": c.fixed,
                "minimum": c.minimum,
                "cap": c.cap,
                "reason": c.reason,
                "accepts_minors": m.pk not in refusing,
            }
        )
    total = scenario.total if scenario.total is not None else settlement_year.total
    return {
        "year": year,
        "county": settlement_year.county.number,
        "total": total,
        "method": scenario.method,
        "parameters": {
            "weights": {c["code"]: float(c.get("weight", 1)) for c in scenario.criteria},
            "exponents": {c["code"]: float(c.get("exponent", 1)) for c in scenario.criteria},
            "base": float(scenario.base),
            "min_lot": int(scenario.min_lot),
            "lower_is_better": sorted(code for code, d in described.items() if not d.get("higher_is_better", True)),
        },
        "minors_total": settlement_year.total_minors,
        "minors_min_lot": int(scenario.minors_min_lot),
        "criteria": described,
        "municipalities": rows,
        "engine_version": ENGINE_VERSION,
    }


def engine_arguments(inputs: dict) -> tuple[list[allocation.Municipality], int, allocation.Parameters, str]:
    if inputs.get("total") is None:
        raise allocation.InvalidInput(_("The scenario has no total, and the year's frame is not registered."))
    if not inputs["parameters"]["weights"]:
        raise allocation.InvalidInput(_("Choose at least one criterion."))
    municipalities = [
        allocation.Municipality(
            number=r["number"],
            name=r["name"],
            criteria=r["criteria"],
            excluded=r["excluded"],
            fixed=r["fixed"],
            minimum=r["minimum"],
            cap=r["cap"],
            accepts_minors=r.get("accepts_minors", True),
        )
        for r in inputs["municipalities"]
    ]
    p = inputs["parameters"]
    parameters = allocation.Parameters(
        weights=p["weights"],
        exponents=p["exponents"],
        base=p["base"],
        min_lot=p["min_lot"],
        lower_is_better=frozenset(p["lower_is_better"]),
    )
    return municipalities, int(inputs["total"]), parameters, inputs["method"]


def minors_refused(settlement_year) -> set[int]:
    """The ids of the municipalities that cannot take unaccompanied minors this year (the year's figures say
    so; a municipality without a figure record can)."""
    return set(
        SettlementFigure.objects.filter(settlement_year=settlement_year, accepts_minors=False).values_list(
            "municipality_id", flat=True
        )
    )


def allocate_from_inputs(inputs: dict) -> allocation.Allocation:
    """Run the engine on saved inputs. Raises :class:`allocation.AllocationError` (Norwegian message).

    With the year's frame for unaccompanied minors (``minors_total``), the engine spreads it too, within each
    municipality's total, over the municipalities that take minors; inputs saved without it run without minors."""
    municipalities, total, parameters, method = engine_arguments(inputs)
    minors_total = inputs.get("minors_total")
    if minors_total is None:
        return allocation.allocate(municipalities, total, parameters, method)
    return allocation.allocate(
        municipalities,
        total,
        parameters,
        method,
        minors_total=int(minors_total),
        minors_min_lot=int(inputs.get("minors_min_lot") or 0),
    )


def result_data(result: allocation.Allocation) -> dict:
    """The JSON stored in ``ScenarioRun.result`` (with minors: ``minors_total``, ``minors_objective`` and, per
    row, ``herav_ema``, ``ema_kvote``, ``ema_regel``, ``ema_forklaring``)."""
    data = {
        "total": result.total,
        "method": result.method,
        "objective": round(result.objective, 6),
        "rows": [row.as_dict() for row in result.rows],
    }
    if result.minors is not None:
        data["minors_total"] = result.minors.total
        data["minors_min_lot"] = result.minors.min_lot
        data["minors_objective"] = round(result.minors.objective, 6)
    return data


def _no(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def method_description(inputs: dict) -> str:
    """A short Norwegian description of the method and criteria (for the recommendation and the letter):
    the total, method, criteria with weights and exponents, base, minimum lot, and every exclusion, fixed
    number, municipality's minimum and cap with its municipality and reason."""
    methods = {
        "optimal": _("optimal distribution (least possible deviation from the quotas)"),
        "sainte-lague": _("Sainte-Laguë's method"),
        "dhondt": _("d'Hondt's method"),
        "largest-remainder": _("the largest remainder method (Hamilton)"),
    }
    used = run_inputs(inputs)
    parts = []
    for c in used.criteria:
        if c.exponent != 1:
            text = _("%(name)s (weight %(weight)s, exponent %(exponent)s)") % {
                "name": c.name,
                "weight": _no(c.weight),
                "exponent": _no(c.exponent),
            }
        else:
            text = _("%(name)s (weight %(weight)s)") % {"name": c.name, "weight": _no(c.weight)}
        parts.append(text + (_(", lower is better") if c.lower_is_better else ""))
    sentences = [
        _("The total %(total)s is distributed with %(method)s.")
        % {
            "total": used.total if used.total is None else whole(used.total),
            "method": methods.get(used.method, used.method),
        },
        _("Criteria: %(criteria)s.") % {"criteria": ", ".join(parts)},
    ]
    if used.base:
        sentences.append(_("Each participating municipality gets a base of %(base)s.") % {"base": _no(used.base)})
    sentences.append(_("No municipality gets fewer than %(lot)s unless it gets 0.") % {"lot": used.min_lot})
    if used.minors_total is not None:
        sentences.append(
            _(
                "Of the total, %(minors)s unaccompanied minors are distributed in proportion to the same quotas over "
                "the municipalities that can take them, none more than its own number."
            )
            % {"minors": used.minors_total}
        )
        if used.minors_min_lot:
            sentences.append(
                _("A municipality that gets unaccompanied minors gets at least %(lot)s.") % {"lot": used.minors_min_lot}
            )
        if used.refusing_minors:
            sentences.append(
                _("Cannot take unaccompanied minors: %(list)s.")
                % {"list": ", ".join(f"{number} {name}" for number, name in used.refusing_minors)}
            )
    for kind, label in (
        ("excluded", _("Excluded (gets 0)")),
        ("fixed", _("Fixed number")),
        ("minimum", _("Minimum for the municipality (if it gets any, it gets at least this many)")),
        ("cap", _("Maximum")),
    ):
        listed = [_constraint_text(c, kind) for c in used.with_constraint(kind)]
        if listed:
            sentences.append(f"{label}: {'; '.join(listed)}.")
    return " ".join(sentences)


def _constraint_text(c, kind: str) -> str:
    text = f"{c.number} {c.name}" + ("" if kind == "excluded" else f" {getattr(c, kind)}")
    return text + (f" ({c.reason})" if c.reason else "")


def base_warning(inputs: dict) -> str:
    """A warning when the bases alone exceed what is left to distribute (the quotas then shrink with size)."""
    rows = inputs["municipalities"]
    participants = sum(1 for r in rows if not r["excluded"] and r["fixed"] is None)
    remaining = (inputs["total"] or 0) - sum(r["fixed"] or 0 for r in rows if not r["excluded"])
    bases = inputs["parameters"]["base"] * participants
    if participants and bases > remaining:
        return _(
            "The base times the number of participating municipalities (%(bases)s) is more than what is to be "
            "distributed (%(remaining)s). Large municipalities then get a lower quota than small ones. Lower the base."
        ) % {"bases": _no(bases), "remaining": remaining}
    return ""
