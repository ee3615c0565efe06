"""Vectorised quotas for the participants, used by calibration and sensitivity."""

from __future__ import annotations

import numpy as np

from .model import Municipality, Parameters
from .quota import QUOTA_DECIMALS


def criteria_matrix(participants: list[Municipality], criteria: list[str]) -> np.ndarray:
    """``C[i, k]`` = value of criterion k for participant i."""
    return np.array([[float(m.criteria[k]) for k in criteria] for m in participants], dtype=float)


def quota_vector(values: np.ndarray, alpha: np.ndarray, exponents: np.ndarray, base: float,
                 remaining: float, lower_is_better: np.ndarray | None = None,
                 factors: np.ndarray | None = None) -> np.ndarray:
    """The quotas of :mod:`.quota` for a matrix of criteria values.

    ``factors`` (optional) multiplies each participant's weight ``w_i`` (used by sensitivity).
    """
    signs = np.where(lower_is_better, -1.0, 1.0) if lower_is_better is not None else 1.0
    powered = np.where(values > 0, np.power(np.where(values > 0, values, 1.0), exponents * signs), 0.0)
    sums = powered.sum(axis=0)
    shares = np.where(sums > 0, powered / np.where(sums > 0, sums, 1.0), 1.0 / len(values))
    weights = shares @ alpha
    if factors is not None:
        weights = weights * factors
    total = weights.sum()
    normalised = weights / total if total > 0 else np.full(len(values), 1.0 / len(values))
    return np.round(base + (remaining - base * len(values)) * normalised, QUOTA_DECIMALS)


def parameter_arrays(parameters: Parameters) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    criteria = list(parameters.weights)
    alpha = np.array([parameters.weights[k] for k in criteria], dtype=float)
    exponents = np.array([parameters.exponent(k) for k in criteria], dtype=float)
    lower = np.array([k in parameters.lower_is_better for k in criteria])
    return criteria, alpha, exponents, lower
