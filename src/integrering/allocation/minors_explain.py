"""Explanations of the minors' numbers: the rule that moved each municipality from its minors'
quota, and a Norwegian sentence (the same rule codes as the total's, plus ``not_eligible``)."""

from __future__ import annotations

import numpy as np

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
TIE_RULE = "ved likhet går tallet til den med størst EM-kvote, deretter lavest kommunenummer"


class Minors:
    """The minors' allocation as the explanations see it (arrays in municipality-number order)."""

    def __init__(self, municipalities, totals, counts, quotas, redistributed, eligible, frame: int, min_lot: int):
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
            return (
                f"Kommunens tall {whole(total)} er lavere enn minstetallet for enslige mindreårige ({lot}), "
                "så den kan bare få 0 av dem."
            )
        if self.quotas[index] < self.lot:
            text = f"Satt til 0 fordi den ellers ville fått færre enn minstetallet for enslige mindreårige ({lot})"
        else:
            text = (
                f"Satt til 0 fordi minstetallet for enslige mindreårige ({lot}: 0 eller minst {lot}) "
                "ikke lot summen gå opp ellers"
            )
        if rule == RULE_ZERO_BY_TIE:
            j = self.tie_partner(index)
            return (
                f"{text}. {self.name(j)} har samme EM-kvote og fikk {whole(int(self.counts[j]))}; begge valgene "
                f"er like gode, og likhetsregelen avgjorde: {TIE_RULE}."
            )
        return f"{text}, og det ga den beste fordelingen totalt."

    def reason(self, index: int, rule: str) -> str:
        count, quota, target = int(self.counts[index]), float(self.quotas[index]), float(self.redistributed[index])
        if rule in (RULE_ZERO_BY_MIN_LOT, RULE_ZERO_BY_TIE):
            return self.zero_reason(index, rule)
        if rule == RULE_CAPPED and count == 0:
            return "Kommunen får 0 i alt, så den kan ikke få enslige mindreårige."
        if rule == RULE_CAPPED:
            return f"EM-kvoten er over kommunens eget tall, så tallet {whole(count)} begrenset den."
        if rule == RULE_RAISED_TO_MIN_LOT:
            return f"Hevet til minstetallet for enslige mindreårige ({whole(self.lot)})."
        if rule == RULE_ROUNDED and abs(count - quota) < SAME:
            return "EM-kvoten er et helt tall."
        if rule == RULE_ROUNDED:
            return f"Avrundet {'opp' if count > quota else 'ned'} fra EM-kvoten."
        if abs(target - quota) >= 0.05 and abs(count - target) < 1:
            return (
                f"Fikk {'flere' if count > quota else 'færre'} enn EM-kvoten fordi det andre kommuner ikke kan få "
                f"innenfor sitt eget tall, er fordelt på de øvrige (EM-kvoten etter omfordeling er "
                f"{norwegian_number(target)})."
            )
        return (
            "Justert mer enn avrunding for at summen skal bli riktig når andre kommuner er hevet, satt til 0 "
            "eller begrenset av sitt eget tall."
        )

    def sentence(self, index: int, rule: str) -> str:
        name, count, total = self.name(index), int(self.counts[index]), int(self.totals[index])
        if rule == RULE_EXCLUDED:
            return f"{name} er utelatt og får ingen enslige mindreårige."
        if rule == RULE_NOT_ELIGIBLE:
            return f"{name} tar ikke imot enslige mindreårige (0 av {whole(total)})."
        quota = float(self.quotas[index])
        share = norwegian_number(100 * quota / self.frame) if self.frame else "0,0"
        minors = "er enslig mindreårig" if count == 1 else "er enslige mindreårige"
        return (
            f"{name}: {whole(count)} av {whole(total)} {minors}. EM-kvoten er {norwegian_number(quota)} "
            f"({share} % av rammen {whole(self.frame)}). {self.reason(index, rule)}"
        )


def explain_minors(
    municipalities: list[Municipality], totals, counts, quotas, redistributed, eligible, frame: int, min_lot: int
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
