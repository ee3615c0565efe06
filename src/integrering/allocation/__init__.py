"""The settlement distribution engine (pure Python: no Django).

Model
=====
Input: a total ``T`` and, per municipality, its number, name, criteria values ``c_ik`` and
optional constraints: excluded (gets 0), a fixed number, an individual minimum ``min_i``
and a cap ``cap_i``. Parameters: a weight ``α_k`` (default 1) and an exponent ``p_k``
(default 1; below 1 dampens size) per criterion, a base ``b`` (grunntall, default 0) for
each participating municipality and a minimum lot ``m`` (default 10).

- Participants ``P`` = not excluded and not fixed; ``R = T − Σ fixed``.
- ``s_ik = c_ik^p_k / Σ_{j∈P} c_jk^p_k``; ``w_i = Σ_k α_k · s_ik`` (at least one ``α_k > 0``).
- ``q_i = b + (R − b·|P|) · w_i / Σ_{j∈P} w_j``; a fixed municipality's quota is its fixed
  number, an excluded one's is 0. The base must leave room: ``b·|P| ≤ R`` (else the input is
  refused: quotas would be negative). Caps do not change ``q_i`` (the ``kvote`` column); the
  *redistributed* quotas ``t_i`` spread what does not fit under the caps over the others.
- Result: integers with ``Σ x_i = T`` and, for participants, ``x_i = 0`` or
  ``max(m, min_i) ≤ x_i ≤ cap_i``.

Lower-is-better criteria (e.g. unemployment) use ``c_ik^(−p_k)`` in place of
``c_ik^p_k``: half the value gives ``2^p`` times the share. Their values must be > 0.
Quotas are rounded to 9 decimals, so that mathematically equal quotas (after scaling all
weights, or summing in another order) compare equal; scaling all weights changes nothing.

Methods (:mod:`.methods`)
-------------------------
- ``optimal`` (default): lexicographically minimises ``Σ|x_i − q_i|`` (the objective), then
  ``Σ|x_i − t_i|``, then applies the tie rule — larger quota first, then lower municipality
  number — for who gets anything, then shares the amounts in proportion (see
  :mod:`.methods.optimal`). Every level is proven optimal by an exact specialised algorithm
  (:mod:`.methods.exact`; the staged integer programme through ``scipy.optimize.milp`` is its
  fallback); a time limit (default 60 s) raises :class:`SolverFailure` (exit status 4) rather
  than return an unproven allocation.
- ``sainte-lague``, ``dhondt``, ``largest-remainder`` (Hamilton): the formula's quotas are the
  votes; caps, fixed and excluded are honoured; ties (equal up to a relative 1e-9) go to the
  lower municipality number. Minimum lot rule: see :mod:`.methods.common` (drop the smallest
  quota below its lot and re-apportion, until everyone left is at or above the lot).

Unaccompanied minors (:mod:`.minors`): ``allocate(..., minors_total=M, minors_min_lot=K)`` or
``allocate_minors`` spread a minors' frame over the municipalities that take minors, in proportion
to the scenario's quotas among them, within each municipality's total, by the same optimal rule.

See ``docs/allocation.md`` for calibration, sensitivity and the command line.
"""

from .calibrate import Calibration, calibrate
from .engine import allocate
from .errors import AllocationError, Infeasible, InvalidInput, SolverFailure
from .minors import allocate_minors
from .model import Allocation, MinorsAllocation, MinorsRow, Municipality, Parameters, Row
from .sensitivity import Sensitivity, SensitivityRow, sensitivity

__all__ = [
    "Allocation",
    "AllocationError",
    "Calibration",
    "Infeasible",
    "InvalidInput",
    "MinorsAllocation",
    "MinorsRow",
    "Municipality",
    "Parameters",
    "Row",
    "Sensitivity",
    "SensitivityRow",
    "SolverFailure",
    "allocate",
    "allocate_minors",
    "calibrate",
    "sensitivity",
]
