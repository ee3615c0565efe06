"""Unaccompanied minors (enslige mindreårige, EM): the county's minors' frame spread within the totals.

IMDi asks each municipality for a number of refugees *of whom* some are unaccompanied minors. Given
each municipality's total ``x_i`` (the recommendation), the scenario's quotas ``s_i`` (the ``kvote``
column: the formula's quota of a participant, the fixed number of a fixed municipality, 0 for an
excluded one), the minors' frame ``M`` and the minors' minimum lot ``K`` (default 0):

- The *eligible* municipalities ``E`` are those that take minors (``accepts_minors``) and are not
  excluded.
- The minors' quota is the frame in proportion to the scenario's quotas among the eligible:
  ``q^EM_i = M · s_i / Σ_{j∈E} s_j`` for ``i ∈ E`` (equal shares if every ``s_j`` is 0), and 0
  outside ``E``. Rounded to 9 decimals like the total's quotas.
- The redistributed minors' quota ``t^EM`` spreads what does not fit under the totals (``q^EM_i >
  x_i``) over the others in proportion, as :mod:`.vector` does with caps.
- Result: whole numbers ``y_i`` with ``Σ y_i = M``, ``y_i = 0`` outside ``E``, and for ``i ∈ E``
  ``y_i = 0`` or ``max(K, 1) ≤ y_i ≤ x_i``.
- Rule: the same as ``optimal`` for the total (:mod:`.methods.optimal`), with ``q^EM``, ``t^EM``,
  the lot ``max(K, 1)`` and the caps ``x_i``: lexicographically least ``Σ|y − q^EM|``, then
  ``Σ|y − t^EM|``, then the tie rule (larger minors' quota, then larger redistributed minors' quota,
  then lower municipality number, for who gets any), then the amounts shared in proportion.
  It is solved by the same proven-optimal algorithm, after the total (``x`` bounds ``y``), whatever
  method spread the total.

No allocation exists when ``M`` exceeds what the eligible municipalities' totals can hold, or when
the minimum lot ``K`` makes the exact sum impossible; :class:`~.errors.Infeasible` then says which.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

from integrering.i18n import gettext as _

from .errors import Infeasible, InvalidInput
from .methods import milp as model
from .methods.optimal import solve_instance
from .minors_explain import explain_minors
from .model import MinorsAllocation, Municipality
from .quota import DEFAULT_TIME_LIMIT, MAX_TOTAL
from .vector import QUOTA_DECIMALS, formula_quotas, redistributed_quotas
from .wording import whole


def minors_quotas(
    quotas: np.ndarray, eligible: np.ndarray, totals: np.ndarray, minors_total: int
) -> tuple[np.ndarray, np.ndarray]:
    """``(q^EM, t^EM)`` as defined above (``totals`` are the caps of the redistribution)."""
    q, t = np.zeros(len(quotas)), np.zeros(len(quotas))
    if eligible.any():
        weights = np.asarray(quotas, dtype=float)[eligible]
        q[eligible] = formula_quotas(weights, 0.0, minors_total)[0]
        t[eligible] = redistributed_quotas(weights, 0.0, minors_total, np.asarray(totals, dtype=float)[eligible])
    return np.round(q, QUOTA_DECIMALS), np.round(t, QUOTA_DECIMALS)


def _validate(minors_total: int, min_lot: int, time_limit: float) -> None:
    if minors_total < 0:
        raise InvalidInput(_("The frame for unaccompanied minors cannot be negative."))
    if minors_total > MAX_TOTAL:
        raise InvalidInput(
            _("The frame for unaccompanied minors cannot be greater than %(maximum)s.") % {"maximum": whole(MAX_TOTAL)}
        )
    if min_lot < 0:
        raise InvalidInput(_("The minimum lot for unaccompanied minors cannot be negative."))
    if not (time_limit > 0 and math.isfinite(time_limit)):
        raise InvalidInput(_("The time limit must be a positive number of seconds."))


def _arrays(
    ordered: list[Municipality], counts: Mapping[str, int], quotas: Mapping[str, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    seen: set[str] = set()
    for m in ordered:
        if m.number in seen:
            raise InvalidInput(_("appears more than once."), municipality=m.number, column="kommunenummer")
        seen.add(m.number)
        if counts.get(m.number) is None or counts[m.number] < 0:
            raise InvalidInput(
                _("lacks a number (0 or more) to distribute unaccompanied minors within."), municipality=m.number
            )
        quota = quotas.get(m.number)
        if quota is None or not math.isfinite(quota) or quota < 0:
            raise InvalidInput(_("lacks a quota (a finite number, 0 or more)."), municipality=m.number)
    totals = np.array([int(counts[m.number]) for m in ordered], dtype=np.int64)
    scenario = np.array([float(quotas[m.number]) for m in ordered], dtype=float)
    eligible = np.array([m.accepts_minors and not m.excluded for m in ordered], dtype=bool)
    return totals, scenario, eligible


def _check_feasible(totals: np.ndarray, eligible: np.ndarray, minors_total: int, min_lot: int) -> None:
    if minors_total == 0:
        return
    if not eligible.any():
        raise Infeasible(
            _(
                "The frame for unaccompanied minors is %(frame)s, but no municipality can receive unaccompanied "
                "minors (all have ema = nei or are left out)."
            )
            % {"frame": whole(minors_total)}
        )
    capacity = int(totals[eligible].sum())
    if capacity < minors_total:
        raise Infeasible(
            _(
                "The frame for unaccompanied minors is %(frame)s, but the municipalities that can receive "
                "unaccompanied minors get only %(capacity)s together in the recommendation, and no municipality can "
                "get more unaccompanied minors than its own number."
            )
            % {"frame": whole(minors_total), "capacity": whole(capacity)}
        )
    lot = max(min_lot, 1)
    if lot > minors_total:
        raise Infeasible(
            _(
                "The minimum lot for unaccompanied minors (%(lot)s) is greater than the frame %(frame)s: a "
                "municipality that gets unaccompanied minors must have at least %(lot)s."
            )
            % {"lot": whole(min_lot), "frame": whole(minors_total)}
        )
    usable = int(totals[eligible & (totals >= lot)].sum())
    if usable < minors_total:
        raise Infeasible(
            _(
                "The minimum lot for unaccompanied minors (%(lot)s) makes it impossible: only municipalities that get "
                "at least %(lot)s in all can get unaccompanied minors, and they get %(usable)s together, but the "
                "frame is %(frame)s."
            )
            % {"lot": whole(min_lot), "usable": whole(usable), "frame": whole(minors_total)}
        )


def _impossible(minors_total: int, min_lot: int) -> Infeasible:
    return Infeasible(
        _(
            "The minimum lot for unaccompanied minors (%(lot)s) makes it impossible to distribute exactly %(frame)s: "
            "no combination of municipalities with 0 or at least %(lot)s unaccompanied minors (and not more than the "
            "municipality's own number) gives the right sum."
        )
        % {"lot": whole(min_lot), "frame": whole(minors_total)}
    )


def _solve(
    q: np.ndarray,
    t: np.ndarray,
    totals: np.ndarray,
    eligible: np.ndarray,
    minors_total: int,
    min_lot: int,
    time_limit: float,
) -> np.ndarray:
    counts = np.zeros(len(totals), dtype=np.int64)
    if minors_total == 0:
        return counts
    index = np.flatnonzero(eligible)
    lot = max(min_lot, 1)
    instance = model.Instance(
        q=q[index],
        t=t[index],
        lots=np.full(len(index), float(lot)),
        caps=np.where(totals[index] >= lot, totals[index], 0).astype(float),
        remaining=minors_total,
    )
    solved = solve_instance(instance, model.Deadline(time_limit))
    if solved is None:
        raise _impossible(minors_total, min_lot)
    counts[index] = solved
    return counts


def allocate_minors(
    municipalities: Iterable[Municipality],
    counts: Mapping[str, int],
    quotas: Mapping[str, float],
    minors_total: int,
    minors_min_lot: int = 0,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> MinorsAllocation:
    """Spread ``minors_total`` unaccompanied minors within ``counts`` (municipality number → total),
    by ``quotas`` (municipality number → the scenario's quota); rows come sorted by number.

    Raises :class:`InvalidInput` for bad input, :class:`Infeasible` when the frame cannot fit, and
    :class:`SolverFailure` when the allocation cannot be proven optimal within ``time_limit``.
    """
    _validate(minors_total, minors_min_lot, time_limit)
    ordered = sorted(municipalities, key=lambda m: m.number)
    totals, scenario, eligible = _arrays(ordered, counts, quotas)
    _check_feasible(totals, eligible, minors_total, minors_min_lot)
    q, t = minors_quotas(scenario, eligible, totals, minors_total)
    y = _solve(q, t, totals, eligible, minors_total, minors_min_lot, time_limit)
    rows = explain_minors(ordered, totals, y, q, t, eligible, minors_total, minors_min_lot)
    objective = float(np.abs(y - q).sum())
    return MinorsAllocation(total=minors_total, min_lot=minors_min_lot, objective=objective, rows=rows)
