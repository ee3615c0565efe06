"""Sensitivity: how robust each municipality's number is to the weights.

Each draw multiplies every criterion weight ``α_k`` by an independent factor drawn uniformly
from ``[1 − spread, 1 + spread]`` (numpy's ``default_rng(seed)``). With a single criterion
(or a single criterion with weight > 0) the criterion weights cannot change anything, so each
municipality's weight ``w_i`` is perturbed the same way instead. Every draw is allocated
with the chosen method; per municipality the minimum, median and maximum are reported.
``time_limit`` applies to each allocation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from integrering.i18n import gettext as _

from .engine import allocate, solve_counts
from .errors import InvalidInput
from .model import Municipality, Parameters, Quota
from .quota import DEFAULT_TIME_LIMIT, Problem, build_problem
from .vector import QUOTA_DECIMALS, criteria_matrix, parameter_arrays, quota_vector

MAX_DRAWS = 100_000


@dataclass(frozen=True)
class SensitivityRow:
    number: str
    name: str
    count: int
    minimum: int
    median: float
    maximum: int


@dataclass(frozen=True)
class Sensitivity:
    total: int
    method: str
    draws: int
    spread: float
    seed: int
    rows: tuple[SensitivityRow, ...]


def _drawn_problem(problem: Problem, participants: list[int], quotas: np.ndarray, redistributed: np.ndarray) -> Problem:
    new = list(problem.quotas)
    for index, value, target in zip(participants, quotas, redistributed):
        new[index] = Quota(
            new[index].number,
            round(float(value), QUOTA_DECIMALS),
            problem.parameters.base,
            {},
            round(float(target), QUOTA_DECIMALS),
            float(value),
        )
    return replace(problem, quotas=tuple(new))


def _draw_counts(problem: Problem, method: str, draws: int, spread: float, seed: int) -> np.ndarray:
    participants = problem.participants()
    criteria, alpha, exponents, lower = parameter_arrays(problem.parameters)
    chosen = [problem.municipalities[i] for i in participants]
    values = criteria_matrix(chosen, criteria)
    caps = np.array([np.inf if m.cap is None else m.cap for m in chosen], dtype=float)
    per_municipality = int(np.count_nonzero(alpha > 0)) < 2
    rng = np.random.default_rng(seed)
    results = np.zeros((draws, len(problem.municipalities)), dtype=np.int64)
    for d in range(draws):
        size = len(participants) if per_municipality else len(alpha)
        factors = rng.uniform(1.0 - spread, 1.0 + spread, size)
        quotas, redistributed = quota_vector(
            values,
            alpha if per_municipality else alpha * factors,
            exponents,
            problem.parameters.base,
            problem.remaining,
            lower,
            factors if per_municipality else None,
            caps,
        )
        results[d] = solve_counts(_drawn_problem(problem, participants, quotas, redistributed), method)
    return results


def sensitivity(
    municipalities: list[Municipality],
    total: int,
    parameters: Parameters,
    draws: int = 1000,
    spread: float = 0.2,
    seed: int = 1,
    method: str = "optimal",
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Sensitivity:
    """Allocate ``draws`` times with randomly drawn weights; min/median/max per municipality."""
    if not 1 <= draws <= MAX_DRAWS:
        raise InvalidInput(_("The number of draws must be from 1 to %(maximum)s.") % {"maximum": MAX_DRAWS})
    if not 0 <= spread < 1:
        raise InvalidInput(_("The spread must be at least 0 and less than 1 (for example 0.2 for ±20 %)."))
    base = allocate(municipalities, total, parameters, method, time_limit)
    problem = build_problem(total, list(municipalities), parameters, time_limit)
    results = (
        _draw_counts(problem, method, draws, spread, seed)
        if problem.participants()
        else np.tile(np.array([r.count for r in base.rows]), (draws, 1))
    )
    rows = tuple(
        SensitivityRow(
            row.number,
            row.name,
            row.count,
            int(results[:, i].min()),
            float(np.median(results[:, i])),
            int(results[:, i].max()),
        )
        for i, row in enumerate(base.rows)
    )
    return Sensitivity(total, method, draws, spread, seed, rows)
