"""Explanations of the minors' numbers: the rule that moved each municipality from its minors'
quota, and a Norwegian sentence (the same rule codes as the total's, plus ``not_eligible``)."""

from __future__ import annotations

import numpy as np

from integrering.i18n import gettext as _
from integrering.i18n import gettext_noop, ngettext

from .model import (
    RULE_ADJUSTED,
    RULE_CAPPED,
    RULE_EXCLUDED,
    RULE_NOT_ELIGIBLE,
    RULE_RAISED_TO_MIN_LOT,
    RULE_ROUNDED,
    RULE_ZERO_BY_MIN_LOT,
    RULE_ZERO_BY_TIE,
    MinorsRow,
    Municipality,
)
from .wording import norwegian_number, whole

SAME = 1e-9
TIE_RULE = gettext_noop(
    "in a tie the number goes to the one with the largest EM quota, then the lowest municipality number"
)


class Minors:
    """The minors' allocation as the explanations see it (arrays in municipality-number order)."""

    def __init__(
        self,
        municipalities: list[Municipality],
        totals: np.ndarray,
        counts: np.ndarray,
        quotas: np.ndarray,
        redistributed: np.ndarray,
        eligible: np.ndarray,
        frame: int,
        min_lot: int,
    ) -> None:
        self.municipalities: list[Municipality] = municipalities
        self.totals, self.counts, self.eligible = totals, counts, eligible
        self.quotas, self.redistributed = quotas, redistributed
        self.frame, self.min_lot, self.lot = frame, min_lot, max(min_lot, 1)

    def name(self, index: int) -> str:
        m = self.municipalities[index]
        return m.name or m.number

    def tie_partner(self, index: int) -> int | None:
        """A municipality with the same minors' quotas that got a number this one could have had."""
        candidates = (
            self.eligible
            & (self.counts > 0)
            & (np.abs(self.quotas - self.quotas[index]) <= SAME)
            & (np.abs(self.redistributed - self.redistributed[index]) <= SAME)
            & (self.counts >= self.lot)
            & (self.counts <= self.totals[index])
        )
        candidates[index] = False
        found = np.flatnonzero(candidates)
        return int(found[0]) if len(found) else None

    def classify(self, index: int) -> str:
        m, count, quota = self.municipalities[index], int(self.counts[index]), float(self.quotas[index])
        if m.excluded:
            return RULE_EXCLUDED
        if not self.eligible[index]:
            return RULE_NOT_ELIGIBLE
        if count == self.totals[index] and (quota >= count + 0.5 or (count == 0 and quota > 0)):
            return RULE_CAPPED
        if count == 0:
            if self.lot > 1 and quota >= 0.5:
                return RULE_ZERO_BY_TIE if self.tie_partner(index) is not None else RULE_ZERO_BY_MIN_LOT
            return RULE_ROUNDED if quota < 1 else RULE_ADJUSTED
        if count == self.lot > 1 and quota < count - 0.5:
            return RULE_RAISED_TO_MIN_LOT
        return RULE_ROUNDED if abs(count - quota) < 1 else RULE_ADJUSTED

    def zero_reason(self, index: int, rule: str) -> str:
        lot, total = whole(self.lot), int(self.totals[index])
        if total < self.lot:
            return _(
                "The municipality's number %(total)s is lower than the minimum lot for unaccompanied minors "
                "(%(lot)s), so it can only get 0 of them."
            ) % {"total": whole(total), "lot": lot}
        if self.quotas[index] < self.lot:
            text = _(
                "Set to 0 because it would otherwise have got fewer than the minimum lot for unaccompanied minors "
                "(%(lot)s)"
            ) % {"lot": lot}
        else:
            text = _(
                "Set to 0 because the minimum lot for unaccompanied minors (%(lot)s: 0 or at least %(lot)s) did not "
                "let the sum add up otherwise"
            ) % {"lot": lot}
        j = self.tie_partner(index) if rule == RULE_ZERO_BY_TIE else None
        if j is not None:
            return _(
                "%(reason)s. %(other)s has the same EM quota and got %(count)s; both choices are equally good, and "
                "the tie rule decided: %(rule)s."
            ) % {"reason": text, "other": self.name(j), "count": whole(int(self.counts[j])), "rule": _(TIE_RULE)}
        return _("%(reason)s, and that gave the best allocation overall.") % {"reason": text}

    def reason(self, index: int, rule: str) -> str:
        count, quota, target = int(self.counts[index]), float(self.quotas[index]), float(self.redistributed[index])
        if rule in (RULE_ZERO_BY_MIN_LOT, RULE_ZERO_BY_TIE):
            return self.zero_reason(index, rule)
        if rule == RULE_CAPPED and count == 0:
            return _("The municipality gets 0 in all, so it cannot get unaccompanied minors.")
        if rule == RULE_CAPPED:
            return _("The EM quota is above the municipality's own number, so the number %(count)s limited it.") % {
                "count": whole(count)
            }
        if rule == RULE_RAISED_TO_MIN_LOT:
            return _("Raised to the minimum lot for unaccompanied minors (%(lot)s).") % {"lot": whole(self.lot)}
        if rule == RULE_ROUNDED and abs(count - quota) < SAME:
            return _("The EM quota is a whole number.")
        if rule == RULE_ROUNDED:
            return _("Rounded up from the EM quota.") if count > quota else _("Rounded down from the EM quota.")
        if abs(target - quota) >= 0.05 and abs(count - target) < 1:
            if count > quota:
                text = _(
                    "Got more than the EM quota because what other municipalities cannot get within their own "
                    "number is spread over the others (the EM quota after redistribution is %(quota)s)."
                )
            else:
                text = _(
                    "Got fewer than the EM quota because what other municipalities cannot get within their own "
                    "number is spread over the others (the EM quota after redistribution is %(quota)s)."
                )
            return text % {"quota": norwegian_number(target)}
        return _(
            "Adjusted by more than rounding so that the sum comes out right when other municipalities are raised, "
            "set to 0 or limited by their own number."
        )

    def sentence(self, index: int, rule: str) -> str:
        name, count, total = self.name(index), int(self.counts[index]), int(self.totals[index])
        if rule == RULE_EXCLUDED:
            return _("%(name)s is left out and gets no unaccompanied minors.") % {"name": name}
        if rule == RULE_NOT_ELIGIBLE:
            return _("%(name)s does not receive unaccompanied minors (0 of %(total)s).") % {
                "name": name,
                "total": whole(total),
            }
        quota = float(self.quotas[index])
        share = norwegian_number(100 * quota / self.frame) if self.frame else norwegian_number(0.0)
        return ngettext(
            "%(name)s: %(count)s of %(total)s is an unaccompanied minor. The EM quota is %(quota)s (%(share)s %% of "
            "the frame %(frame)s). %(reason)s",
            "%(name)s: %(count)s of %(total)s are unaccompanied minors. The EM quota is %(quota)s (%(share)s %% of "
            "the frame %(frame)s). %(reason)s",
            count,
        ) % {
            "name": name,
            "count": whole(count),
            "total": whole(total),
            "quota": norwegian_number(quota),
            "share": share,
            "frame": whole(self.frame),
            "reason": self.reason(index, rule),
        }


def explain_minors(
    municipalities: list[Municipality],
    totals: np.ndarray,
    counts: np.ndarray,
    quotas: np.ndarray,
    redistributed: np.ndarray,
    eligible: np.ndarray,
    frame: int,
    min_lot: int,
) -> tuple[MinorsRow, ...]:
    """A :class:`MinorsRow` per municipality, in the given (municipality-number) order."""
    minors = Minors(municipalities, totals, counts, quotas, redistributed, eligible, frame, min_lot)
    rows = []
    for index, m in enumerate(municipalities):
        rule = minors.classify(index)
        differs = eligible[index] and abs(redistributed[index] - quotas[index]) > SAME
        rows.append(
            MinorsRow(
                number=m.number,
                count=int(counts[index]),
                quota=float(quotas[index]),
                rule=rule,
                explanation=minors.sentence(index, rule),
                redistributed=float(redistributed[index]) if differs else None,
            )
        )
    return tuple(rows)
