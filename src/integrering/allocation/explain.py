"""Explanations: which rule moved each municipality from its quota, in Norwegian."""

from __future__ import annotations

import numpy as np

from .model import (
    RULE_ADJUSTED,
    RULE_CAPPED,
    RULE_EXCLUDED,
    RULE_FIXED,
    RULE_RAISED_TO_MIN_LOT,
    RULE_ROUNDED,
    RULE_ZERO_BY_MIN_LOT,
    RULE_ZERO_BY_TIE,
    Row,
)
from .quota import Problem
from .wording import norwegian_number, whole

SAME = 1e-9  # quotas are rounded to 9 decimals
NOTICEABLE = 0.05  # a redistributed quota this far from the formula's is mentioned

TIE_RULE = "ved likhet går tallet til den med størst kvote, deretter lavest kommunenummer"


def tie_partner(problem: Problem, index: int, counts: list[int]) -> int | None:
    """A receiving municipality with the same quotas whose number this one could have had instead."""
    quotas, redistributed, participates = problem.arrays
    counts = np.asarray(counts)
    same = (
        participates
        & (counts > 0)
        & (np.abs(quotas - quotas[index]) <= SAME)
        & (np.abs(redistributed - redistributed[index]) <= SAME)
        & (counts >= problem.lot(index))
        & (counts <= problem.cap(index))
    )
    same[index] = False
    found = np.flatnonzero(same)
    return int(found[0]) if len(found) else None


def _classify_zero(problem: Problem, index: int, counts: list[int]) -> str:
    quota = problem.quotas[index].quota
    if problem.lot(index) > 1 and quota >= 0.5:
        return RULE_ZERO_BY_TIE if tie_partner(problem, index, counts) is not None else RULE_ZERO_BY_MIN_LOT
    return RULE_ROUNDED if quota < 1 else RULE_ADJUSTED


def classify(problem: Problem, index: int, count: int, counts: list[int]) -> str:
    """The rule that moved municipality ``index`` from its quota to ``count``."""
    m = problem.municipalities[index]
    quota = problem.quotas[index].quota
    if m.excluded:
        return RULE_EXCLUDED
    if m.fixed is not None:
        return RULE_FIXED
    if m.cap is not None and count == m.cap and quota >= count + 0.5:
        return RULE_CAPPED
    if count == 0:
        return _classify_zero(problem, index, counts)
    if count == problem.lot(index) > 1 and quota < count - 0.5:
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


def _redistributed(problem: Problem, index: int) -> float | None:
    quota = problem.quotas[index]
    if problem.municipalities[index].participates and abs(quota.redistributed - quota.quota) >= NOTICEABLE:
        return quota.redistributed
    return None


def _zero_reason(problem: Problem, index: int, counts: list[int], rule: str) -> str:
    lot, cap = problem.lot(index), problem.cap(index)
    if cap < lot:
        return f"Maks-tallet {whole(cap)} er lavere enn minstetallet {whole(lot)}, så den kan bare få 0."
    if problem.quotas[index].quota < lot:
        text = f"Satt til 0 fordi den ellers ville fått færre enn minstetallet {whole(lot)}"
    else:
        text = f"Satt til 0 fordi minstetallet {whole(lot)} (0 eller minst {whole(lot)}) ikke lot summen gå opp ellers"
    if rule == RULE_ZERO_BY_TIE:
        j = tie_partner(problem, index, counts)
        other = problem.municipalities[j]
        return (
            f"{text}. {other.name or other.number} har samme kvote og fikk {whole(counts[j])}; begge "
            f"valgene er like gode, og likhetsregelen avgjorde: {TIE_RULE}."
        )
    return f"{text}, og det ga den beste fordelingen totalt."


def _reason(problem: Problem, index: int, count: int, rule: str, counts: list[int]) -> str:
    quota = problem.quotas[index].quota
    if rule in (RULE_ZERO_BY_MIN_LOT, RULE_ZERO_BY_TIE):
        return _zero_reason(problem, index, counts, rule)
    if rule == RULE_RAISED_TO_MIN_LOT:
        return f"Hevet til minstetallet {whole(problem.lot(index))}."
    if rule == RULE_CAPPED:
        return f"Kvoten er over maks-tallet, så maks-tallet {whole(count)} begrenset den."
    if rule == RULE_ROUNDED and abs(count - quota) < SAME:
        return "Kvoten er et helt tall."
    if rule == RULE_ROUNDED:
        return f"Avrundet {'opp' if count > quota else 'ned'} fra kvoten."
    target = _redistributed(problem, index)
    if target is not None and abs(count - target) < 1:
        return (
            f"Fikk {'mer' if count > quota else 'mindre'} enn kvoten fordi det andre kommuner ikke kan "
            f"få under maks-tallene sine, er fordelt på de øvrige (kvoten etter omfordeling er "
            f"{norwegian_number(target)})."
        )
    return (
        "Justert mer enn avrunding for at summen skal bli riktig "
        "når andre kommuner er hevet, satt til 0 eller begrenset."
    )


def sentence(problem: Problem, index: int, count: int, rule: str, counts: list[int]) -> str:
    """A short Norwegian sentence a politician can read."""
    m = problem.municipalities[index]
    name = m.name or m.number
    if rule == RULE_EXCLUDED:
        return f"{name} er utelatt og får 0."
    if rule == RULE_FIXED:
        return f"{name} har fast tall {whole(count)}."
    quota = norwegian_number(problem.quotas[index].quota)
    return (
        f"{name} får {whole(count)}. Kvoten er {quota}{_composition(problem, index)}. "
        f"{_reason(problem, index, count, rule, counts)}"
    )


def explain(problem: Problem, counts: list[int]) -> tuple[Row, ...]:
    """Rows with quota, contributions, rule and sentence for every municipality."""
    rows = []
    for index, (m, quota, count) in enumerate(zip(problem.municipalities, problem.quotas, counts)):
        rule = classify(problem, index, count, counts)
        target = quota.redistributed if m.participates and abs(quota.redistributed - quota.quota) > SAME else None
        rows.append(
            Row(
                number=m.number,
                name=m.name,
                count=count,
                quota=quota.quota,
                base=quota.base,
                contributions=dict(quota.contributions),
                rule=rule,
                explanation=sentence(problem, index, count, rule, counts),
                redistributed=target,
            )
        )
    return tuple(rows)
