"""What a saved run was made with, read from its ``inputs`` — never from its scenario, which may have
been changed since. Used by the run page and by the recommendation's description of the method.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise

from integrering.settlement.scenarios.models import Method


@dataclass(frozen=True)
class CriterionUsed:
    code: str
    name: str
    weight: float
    exponent: float
    lower_is_better: bool
    unit: str = ""
    source: str = ""
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class ConstraintUsed:
    number: str
    name: str
    excluded: bool
    fixed: int | None
    minimum: int | None
    cap: int | None
    reason: str

    @property
    def parts(self) -> list[tuple[str, int | None]]:
        """(kind, number) in the order excluded, fixed, minimum, cap, for the ones that are set."""
        parts = [("excluded", None)] if self.excluded else []
        return parts + [
            (kind, getattr(self, kind)) for kind in ("fixed", "minimum", "cap") if getattr(self, kind) is not None
        ]

    @classmethod
    def of(cls, number: str, name: str, c: dict) -> ConstraintUsed:
        return cls(
            number, name, bool(c.get("excluded")), c.get("fixed"), c.get("minimum"), c.get("cap"), c.get("reason", "")
        )


@dataclass
class RunInputs:
    method: str
    method_label: str | Promise  # a method's label is translated when shown
    total: int | None
    min_lot: int
    base: float
    criteria: list[CriterionUsed]
    constraints: list[ConstraintUsed]
    values: list[tuple[str, str, list[float | None]]] = field(default_factory=list)  # number, name, per criterion
    minors_total: int | None = None  # the year's frame for unaccompanied minors (None: not spread)
    minors_min_lot: int = 0
    refusing_minors: list[tuple[str, str]] = field(default_factory=list)  # number, name: cannot take minors

    def with_constraint(self, kind: str) -> list[ConstraintUsed]:
        """The municipalities with an exclusion, a fixed number, a minimum or a cap (``kind``)."""
        if kind == "excluded":
            return [c for c in self.constraints if c.excluded]
        return [c for c in self.constraints if getattr(c, kind) is not None and not c.excluded]


def run_inputs(inputs: dict) -> RunInputs:
    p = inputs["parameters"]
    lower = set(p.get("lower_is_better", []))
    criteria = []
    for code, weight in p["weights"].items():
        described = inputs.get("criteria", {}).get(code, {})
        criteria.append(
            CriterionUsed(
                code=code,
                name=described.get("name", code),
                weight=float(weight),
                exponent=float(p["exponents"].get(code, 1.0)),
                lower_is_better=code in lower,
                unit=described.get("unit", ""),
                source=described.get("source", ""),
                years=tuple(described.get("years", ())),
            )
        )
    constraints, values = [], []
    for row in inputs["municipalities"]:
        if row["excluded"] or any(row[k] is not None for k in ("fixed", "minimum", "cap")):
            constraints.append(ConstraintUsed.of(row["number"], row["name"], row))
        values.append((row["number"], row["name"], [row["criteria"].get(c.code) for c in criteria]))
    method = inputs["method"]
    return RunInputs(
        method=method,
        method_label=Method(method).label if method in Method.values else method,
        total=inputs.get("total"),
        min_lot=int(p["min_lot"]),
        base=float(p["base"]),
        criteria=criteria,
        constraints=constraints,
        values=values,
        minors_total=inputs.get("minors_total"),
        minors_min_lot=int(inputs.get("minors_min_lot") or 0),
        refusing_minors=[
            (row["number"], row["name"]) for row in inputs["municipalities"] if not row.get("accepts_minors", True)
        ],
    )
