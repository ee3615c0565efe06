"""Explanations: which rule moved each municipality from its quota, in Norwegian."""

from __future__ import annotations

import numpy as np

from integrering.i18n import gettext as _
from integrering.i18n import gettext_noop

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

TIE_RULE = gettext_noop(
    "in a tie the number goes to the one with the largest quota, then the lowest municipality number"
)


def tie_partner(problem: Problem, index: int, counts: list[int]) -> int | None:
    """A receiving municipality with the same quotas whose number this one could have had instead."""
    quotas, redistributed, participates = problem.arrays
    given = np.asarray(counts)
    same = (
        participates
        & (given > 0)
        & (np.abs(quotas - quotas[index]) <= SAME)
        & (np.abs(redistributed - redistributed[index]) <= SAME)
        & (given >= problem.lot(index))
        & (given <= problem.cap(index))
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
        parts.append(_("base %(value)s") % {"value": norwegian_number(quota.base)})
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
        return _("The maximum %(cap)s is lower than the minimum lot %(lot)s, so it can only get 0.") % {
            "cap": whole(cap),
            "lot": whole(lot),
        }
    if problem.quotas[index].quota < lot:
        text = _("Set to 0 because it would otherwise have got fewer than the minimum lot %(lot)s") % {
            "lot": whole(lot)
        }
    else:
        text = _(
            "Set to 0 because the minimum lot %(lot)s (0 or at least %(lot)s) did not let the sum add up otherwise"
        ) % {"lot": whole(lot)}
    j = tie_partner(problem, index, counts) if rule == RULE_ZERO_BY_TIE else None
    if j is not None:
        other = problem.municipalities[j]
        return _(
            "%(reason)s. %(other)s has the same quota and got %(count)s; both choices are equally good, and the "
            "tie rule decided: %(rule)s."
        ) % {"reason": text, "other": other.name or other.number, "count": whole(counts[j]), "rule": _(TIE_RULE)}
    return _("%(reason)s, and that gave the best allocation overall.") % {"reason": text}


def _reason(problem: Problem, index: int, count: int, rule: str, counts: list[int]) -> str:
    quota = problem.quotas[index].quota
    if rule in (RULE_ZERO_BY_MIN_LOT, RULE_ZERO_BY_TIE):
        return _zero_reason(problem, index, counts, rule)
    if rule == RULE_RAISED_TO_MIN_LOT:
        return _("Raised to the minimum lot %(lot)s.") % {"lot": whole(problem.lot(index))}
    if rule == RULE_CAPPED:
        return _("The quota is above the maximum, so the maximum %(cap)s limited it.") % {"cap": whole(count)}
    if rule == RULE_ROUNDED and abs(count - quota) < SAME:
        return _("The quota is a whole number.")
    if rule == RULE_ROUNDED:
        return _("Rounded up from the quota.") if count > quota else _("Rounded down from the quota.")
    target = _redistributed(problem, index)
    if target is not None and abs(count - target) < 1:
        if count > quota:
            text = _(
                "Got more than the quota because what other municipalities cannot get under their maximums is "
                "spread over the others (the quota after redistribution is %(quota)s)."
            )
        else:
            text = _(
                "Got less than the quota because what other municipalities cannot get under their maximums is "
                "spread over the others (the quota after redistribution is %(quota)s)."
            )
        return text % {"quota": norwegian_number(target)}
    return _(
        "Adjusted by more than rounding so that the sum comes out right when other municipalities are raised, set "
        "to 0 or limited."
    )


def sentence(problem: Problem, index: int, count: int, rule: str, counts: list[int]) -> str:
    """A short sentence a politician can read (in the current language)."""
    m = problem.municipalities[index]
    name = m.name or m.number
    if rule == RULE_EXCLUDED:
        return _("%(name)s is left out and gets 0.") % {"name": name}
    if rule == RULE_FIXED:
        return _("%(name)s has the fixed number %(count)s.") % {"name": name, "count": whole(count)}
    return _("%(name)s gets %(count)s. The quota is %(quota)s%(composition)s. %(reason)s") % {
        "name": name,
        "count": whole(count),
        "quota": norwegian_number(problem.quotas[index].quota),
        "composition": _composition(problem, index),
        "reason": _reason(problem, index, count, rule, counts),
    }


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
