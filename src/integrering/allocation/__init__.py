"""The settlement distribution engine (pure Python: no Django).

Model
=====
Input: a total ``T`` and, per municipality, its number, name, criteria values ``c_ik`` and
optional constraints: excluded (gets 0), a fixed number, an individual minimum ``min_i``
and a cap ``cap_i``. Parameters: a weight ``α_k`` (default 1) and an exponent ``p_k``
(default 1; below 1 dampens size) per criterion, a base ``b`` (grunntall, default 0) for
each participating municipality and a minimum lot ``m`` (default 10).

- Participants ``P`` = not excluded and not fixed; ``R = T − Σ fixed``.
- ``s_ik = c_ik^p_k / Σ_{j∈P} c_jk^p_k``; ``w_i = Σ_k α_k · s_ik``.
- ``q_i = b + (R − b·|P|) · w_i / Σ_{j∈P} w_j``; a fixed municipality's quota is its fixed
  number, an excluded one's is 0.
- Result: integers with ``Σ x_i = T`` and, for participants, ``x_i = 0`` or
  ``max(m, min_i) ≤ x_i ≤ cap_i``.

Lower-is-better criteria (e.g. unemployment) use ``c_ik^(−p_k)`` in place of
``c_ik^p_k``: half the value gives ``2^p`` times the share. Their values must be > 0.
Scaling all weights by a constant changes nothing (quotas are rounded to 9 decimals).

Methods (:mod:`.methods`)
-------------------------
- ``optimal`` (default): minimises ``Σ|x_i − q_i|`` exactly with a MILP (HiGHS through
  ``scipy.optimize.milp``); "0 or at least the lot" is a semi-integer variable
  (binary ``z_i`` with ``lot_i·z_i ≤ x_i ≤ cap_i·z_i``). The solver must report proven
  optimality. Ties: a perturbation below 1e-6 in total prefers lower municipality numbers;
  the input is always sorted by number and HiGHS is deterministic, so the same input gives
  the same output whatever the row order.
- ``sainte-lague``, ``dhondt``, ``largest-remainder`` (Hamilton): the quotas are the votes;
  caps, fixed and excluded are honoured; ties go to the lower municipality number. Minimum
  lot rule: see :mod:`.methods.common` (drop the smallest quota below its lot and
  re-apportion, until everyone left is at or above the lot).

See ``docs/allocation.md`` for calibration, sensitivity and the command line.
"""

from .calibrate import Calibration, calibrate
from .engine import allocate
from .errors import AllocationError, Infeasible, InvalidInput
from .model import Allocation, Municipality, Parameters, Row
from .sensitivity import Sensitivity, SensitivityRow, sensitivity

__all__ = [
    "Allocation", "AllocationError", "Calibration", "Infeasible", "InvalidInput",
    "Municipality", "Parameters", "Row", "Sensitivity", "SensitivityRow",
    "allocate", "calibrate", "sensitivity",
]
