"""References the exact method is checked against, and random instances for seeded loops.

- :func:`straightforward_milp`: the textbook formulation — deviation variables ``d_i ≥ x_i − q_i``
  and ``d_i ≥ q_i − x_i``, a binary ``z_i`` with ``lot_i·z_i ≤ x_i ≤ cap_i·z_i``, ``Σx = R``, a
  dense constraint matrix — solved by HiGHS through ``scipy.optimize.milp``. It knows nothing of
  chains, bounds or tie rules: only the least ``Σ|x − q|``.
- :func:`random_instance`: municipalities, total and parameters drawn with numpy from a seed, in
  the shapes that make the problem hard: many equal quotas, tight caps, individual minimums.
"""

from __future__ import annotations

import os
import random

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from integrering.allocation import Municipality, Parameters

STATUS_OPTIMAL, STATUS_INFEASIBLE = 0, 2


def straightforward_milp(q, lots, caps, total: int) -> float | None:
    """The least ``Σ|x_i − q_i|`` with ``x_i = 0`` or ``lots_i ≤ x_i ≤ caps_i`` and ``Σx = total``
    (a cap below the lot leaves only 0); None when no such ``x`` exists."""
    q, lots, caps = (np.asarray(v, dtype=float) for v in (q, lots, caps))
    n = len(q)
    if n == 0:
        return 0.0 if total == 0 else None
    eye = np.eye(n)
    zero = np.zeros((n, n))
    matrix = np.vstack(
        [
            np.hstack([np.ones((1, n)), np.zeros((1, n)), np.zeros((1, n))]),
            np.hstack([eye, zero, -eye]),  # x − d ≤ q
            np.hstack([-eye, zero, -eye]),  # −x − d ≤ −q
            np.hstack([eye, -np.diag(np.maximum(lots, 1)), zero]),  # x ≥ lot·z
            np.hstack([eye, -np.diag(np.where(caps >= lots, caps, 0)), zero]),  # x ≤ cap·z
        ]
    )
    lower = np.concatenate([[total], np.full(2 * n, -np.inf), np.zeros(n), np.full(n, -np.inf)])
    upper = np.concatenate([[total], q, -q, np.full(n, np.inf), np.zeros(n)])
    options = {"mip_rel_gap": 1e-12}
    arguments = dict(
        c=np.concatenate([np.zeros(2 * n), np.ones(n)]),
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.concatenate([np.ones(2 * n), np.zeros(n)]),
        bounds=Bounds(np.zeros(3 * n), np.concatenate([np.maximum(caps, 0), np.ones(n), np.full(n, np.inf)])),
    )
    result = milp(**arguments, options=options)
    if result.status not in (STATUS_OPTIMAL, STATUS_INFEASIBLE):  # HiGHS's presolve on tiny infeasible ones
        result = milp(**arguments, options=options | {"presolve": False})
    assert result.status in (STATUS_OPTIMAL, STATUS_INFEASIBLE), result.message
    return None if result.status == STATUS_INFEASIBLE else float(result.fun)


def seed() -> int:
    """Fixed under the CI profile (and with ALLOCATION_SEED); a new one on every other run."""
    if "ALLOCATION_SEED" in os.environ:
        return int(os.environ["ALLOCATION_SEED"])
    return 0 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else random.SystemRandom().randrange(2**32)


def examples(default: int) -> int:
    """How many instances a seeded loop checks (ALLOCATION_LOOPS multiplies it)."""
    return int(default * float(os.environ.get("ALLOCATION_LOOPS", "1")))


def random_instance(rng: np.random.Generator, size: int, spread: int) -> tuple[list[Municipality], int, Parameters]:
    """Up to ``size`` municipalities; the total leaves up to ``spread`` beyond the fixed numbers and base."""
    tied = rng.random() < 0.3  # few distinct criterion values: many equal quotas
    tight = rng.random() < 0.3  # caps close to the lots: a sum of lots that is hard to hit
    numbers = rng.choice(np.arange(1, 10_000), size=int(rng.integers(1, size + 1)), replace=False)
    municipalities = []
    for number in numbers:
        kind = rng.choice(["plain"] * 6 + ["excluded", "fixed"])
        minimum = int(rng.integers(0, 12)) if rng.random() < 0.3 else None
        cap = None
        if rng.random() < (0.7 if tight else 0.3):
            cap = int(rng.integers(minimum or 0, (minimum or 0) + (4 if tight else 25)))
        values = rng.choice([1, 2, 3], 2) if tied else (rng.integers(0, 1000), rng.integers(1, 1000))
        municipalities.append(
            Municipality(
                f"{number:04d}",
                f"Kommune {number}",
                {"a": float(values[0]), "b": float(values[1])},
                excluded=kind == "excluded",
                fixed=int(rng.integers(0, 9)) if kind == "fixed" else None,
                minimum=minimum,
                cap=cap,
                accepts_minors=bool(rng.random() < 0.7),
            )
        )
    parameters = Parameters(
        {"a": float(rng.integers(0, 5)), "b": float(rng.integers(1, 5))},
        exponents={"a": float(rng.choice([1.0, 0.5, 2.0]))},
        base=float(rng.choice([0.0, 0.0, 1.0, 2.5])),
        min_lot=int(rng.integers(0, 12)),
    )
    fixed = sum(m.fixed or 0 for m in municipalities if not m.excluded)
    least = int(np.ceil(parameters.base * sum(1 for m in municipalities if m.participates)))
    return municipalities, fixed + least + int(rng.integers(0, spread + 1)), parameters
