"""Calibration: the parameters whose allocation best reproduces last year's numbers.

Municipalities that got 0 last year are treated as excluded. The free parameters are the
base ``b``, one exponent ``p_k`` per criterion and, with several criteria, the weights
``α_k`` (the first is fixed at 1). They minimise the squared difference between the quotas
and last year's numbers (L-BFGS-B from a few starting points); the allocation is then made
with the ``optimal`` method and the minimum lot, and the root-mean-square error is measured
between that allocation and last year's numbers over the municipalities that got more than 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.optimize import minimize

from integrering.i18n import gettext as _

from .engine import allocate
from .errors import InvalidInput
from .model import Allocation, Municipality, Parameters
from .quota import DEFAULT_TIME_LIMIT
from .vector import criteria_matrix, quota_vector

EXPONENT_BOUNDS = (0.05, 3.0)
WEIGHT_BOUNDS = (0.0, 100.0)


@dataclass(frozen=True)
class Calibration:
    parameters: Parameters
    rmse: float
    allocation: Allocation
    targets: Mapping[str, int]


def _unpack(theta: np.ndarray, k: int) -> tuple[float, np.ndarray, np.ndarray]:
    base, exponents = theta[0], theta[1 : 1 + k]
    alpha = np.concatenate([[1.0], theta[1 + k :]])
    return base, exponents, alpha


def _fit(values: np.ndarray, target: np.ndarray) -> np.ndarray:
    n, k = values.shape
    remaining = float(target.sum())
    bounds = [(0.0, 0.99 * remaining / n)] + [EXPONENT_BOUNDS] * k + [WEIGHT_BOUNDS] * (k - 1)

    def loss(theta: np.ndarray) -> float:
        base, exponents, alpha = _unpack(theta, k)
        return float(np.sum((quota_vector(values, alpha, exponents, base, remaining)[0] - target) ** 2))

    best: Any = None  # scipy's OptimizeResult (scipy ships no type information)
    for base0 in (0.0, 0.4 * remaining / n):
        for p0 in (1.0, 0.6):
            start = np.array([base0] + [p0] * k + [1.0] * (k - 1))
            result = minimize(loss, start, method="L-BFGS-B", bounds=bounds)
            if best is None or result.fun < best.fun:
                best = result
    fitted: np.ndarray = best.x
    return fitted


def calibrate(
    municipalities: list[Municipality],
    targets: Mapping[str, int],
    criteria: list[str],
    min_lot: int = 10,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Calibration:
    """Fit base, exponents and weights to ``targets`` (municipality number → last year's number)."""
    if not criteria:
        raise InvalidInput(_("The calibration needs at least one criterion."))
    missing = [m.number for m in municipalities if m.number not in targets]
    if missing:
        raise InvalidInput(
            _("Last year's number is missing for municipality %(numbers)s.") % {"numbers": ", ".join(missing)}
        )
    prepared = [replace(m, excluded=m.excluded or targets[m.number] == 0) for m in municipalities]
    participants = [m for m in prepared if m.participates]
    if not participants:
        raise InvalidInput(_("No municipality got more than 0 last year; there is nothing to calibrate against."))
    values = criteria_matrix(participants, criteria)
    target = np.array([targets[m.number] for m in participants], dtype=float)
    base, exponents, alpha = _unpack(_fit(values, target), len(criteria))
    parameters = Parameters(
        weights=dict(zip(criteria, np.round(alpha, 6).tolist())),
        exponents=dict(zip(criteria, np.round(exponents, 6).tolist())),
        base=round(float(base), 6),
        min_lot=min_lot,
    )
    total = int(sum(targets[m.number] for m in municipalities))
    allocation = allocate(prepared, total, parameters, time_limit=time_limit)
    counts = allocation.counts()
    errors = [counts[m.number] - targets[m.number] for m in participants]
    rmse = float(np.sqrt(np.mean(np.square(errors))))
    return Calibration(parameters=parameters, rmse=rmse, allocation=allocation, targets=dict(targets))
