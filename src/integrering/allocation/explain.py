"""Explanations: which rule moved each municipality from its quota, in Norwegian."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .model import (RULE_ADJUSTED, RULE_CAPPED, RULE_EXCLUDED, RULE_FIXED, RULE_RAISED_TO_MIN_LOT,
                    RULE_ROUNDED, RULE_ZERO_BY_MIN_LOT, Row)
from .quota import Problem


def norwegian_number(value: float, decimals: int = 1) -> str:
    """``1234.5`` → ``1 234,5`` (Norwegian separators, no-break space)."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def whole(value: int) -> str:
    """``2500`` → ``2 500`` (no-break space), as the quotas are written."""
    return norwegian_number(value, 0)


def classify(problem: Problem, index: int, count: int) -> str:
    """The rule that moved municipality ``index`` from its quota to ``count``."""
    m = problem.municipalities[index]
    quota = problem.quotas[index].quota
    if m.excluded:
        return RULE_EXCLUDED
    if m.fixed is not None:
        return RULE_FIXED
    if count == 0 and quota >= 0.5:
        return RULE_ZERO_BY_MIN_LOT
    formula = problem.quotas[index].formula
    if m.cap is not None and count == m.cap and max(quota, formula) >= count + 0.5:
        return RULE_CAPPED
    if count > 0 and count == problem.lot(index) and quota < count - 0.5:
        return RULE_RAISED_TO_MIN_LOT
    if abs(count - quota) < 1:
        return RULE_ROUNDED
    return RULE_ADJUSTED


def _composition(problem: Problem, index: int) -> str:
    quota = problem.quotas[index]
    parts = []
    if quota.base:
        parts.append(f"grunntall {norwegian_number(quota.base)}")
    parts += [f"{name} {norwegian_number(value)}" for name, value in quota.contributions.items()]
    return f" ({' + '.join(parts)})" if len(parts) > 1 else ""


def _reason(problem: Problem, index: int, count: int, rule: str) -> str:
    quota = problem.quotas[index].quota
    lot = problem.lot(index)
    if rule == RULE_ZERO_BY_MIN_LOT:
        return (f"Satt til 0 fordi den ellers ville fått færre enn minstetallet {whole(lot)}, "
                "og det ga den beste fordelingen totalt.")
    if rule == RULE_RAISED_TO_MIN_LOT:
        return f"Hevet til minstetallet {whole(lot)}."
    if rule == RULE_CAPPED:
        formula = norwegian_number(problem.quotas[index].formula)
        return f"Begrenset av maks-tallet {whole(count)} (kvoten uten maks ville vært {formula})."
    if rule == RULE_ROUNDED and abs(count - quota) < 1e-9:
        return "Kvoten er et helt tall."
    if rule == RULE_ROUNDED:
        direction = "opp" if count > quota else "ned" if count < quota else ""
        return f"Avrundet {direction} fra kvoten.".replace("  ", " ")
    return ("Justert mer enn avrunding for at summen skal bli riktig "
            "når andre kommuner er hevet, satt til 0 eller begrenset.")


def sentence(problem: Problem, index: int, count: int, rule: str) -> str:
    """A short Norwegian sentence a politician can read."""
    m = problem.municipalities[index]
    name = m.name or m.number
    if rule == RULE_EXCLUDED:
        return f"{name} er utelatt og får 0."
    if rule == RULE_FIXED:
        return f"{name} har fast tall {whole(count)}."
    quota = norwegian_number(problem.quotas[index].quota)
    return (f"{name} får {whole(count)}. Kvoten er {quota}{_composition(problem, index)}. "
            f"{_reason(problem, index, count, rule)}")


def explain(problem: Problem, counts: list[int]) -> tuple[Row, ...]:
    """Rows with quota, contributions, rule and sentence for every municipality."""
    rows = []
    for index, (m, quota, count) in enumerate(zip(problem.municipalities, problem.quotas, counts)):
        rule = classify(problem, index, count)
        rows.append(Row(number=m.number, name=m.name, count=count, quota=quota.quota,
                        base=quota.base, contributions=dict(quota.contributions), rule=rule,
                        explanation=sentence(problem, index, count, rule)))
    return tuple(rows)
