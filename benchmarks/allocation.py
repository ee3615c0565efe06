"""Benchmark of the allocation engine on a national instance.

All 357 municipalities of 2024, population on 1 January 2024 as the only criterion,
T = 35 000, minimum lot 10, a few caps and exclusions; for the minors, the municipalities with at
least 5 000 inhabitants take unaccompanied minors and the minors' frame is M = 1 500.

First, side by side in this run, ``optimal`` (the whole ``allocate()``: quotas, the exact method,
explanations; with minors also the minors' allocation) against the *straightforward MILP
formulation* implemented here: deviation variables ``d_i ≥ ±(x_i − q_i)``, binary ``z_i`` with
``L·z_i ≤ x_i ≤ cap_i·z_i``, ``Σx = T``, a dense matrix, ``scipy.optimize.milp`` (HiGHS) — with
minors a second such MILP for the minors within the totals. Interleaved repetitions, medians of
wall-clock and CPU time, and the ratio. The issue asks for at most 1/20.

Then the time of each method, of ``optimal`` on totals that used to be hard (many near-equal
quotas where the minimum lot must send most to 0), of 1 000 sensitivity draws, and our
Sainte-Laguë against the ``apportionment`` package on the same unconstrained input (as a ratio
measured in this run).

Run: ``.venv/bin/python benchmarks/allocation.py``
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402
from scipy.optimize import Bounds, LinearConstraint, milp  # noqa: E402

from integrering.allocation import Municipality, Parameters, allocate, sensitivity  # noqa: E402
from integrering.allocation.methods.divisor import _sainte_lague_divisor, bounded_divisor  # noqa: E402
from integrering.allocation.minors import minors_quotas  # noqa: E402
from integrering.allocation.quota import build_problem  # noqa: E402

TOTAL = 35_000
# (total, exponent, base, minimum lot): found by sweeping totals and parameters on this instance
HARD = [
    (2_000, 0.6, 5.0, 10),
    (5_000, 0.6, 5.0, 10),
    (20_000, 1.0, 0.0, 10),
    (19_799, 1.0, 3.0, 10),
    (32_280, 0.8, 1.0, 15),
    (35_000, 0.8, 10.0, 10),
]
CAPS = {"0301": 2_500, "4601": 1_200, "5001": 900}
EXCLUDED = {"1103", "3201", "5501"}
MINORS = 1_500  # the minors' frame
MINORS_PEOPLE = 5_000  # municipalities with at least this many inhabitants take minors
REPEAT = 7


def data_dir() -> Path:
    shipped = REPO / "src" / "integrering" / "municipalities" / "data"
    return shipped if (shipped / "kommuner_2024.csv").exists() else REPO.parent / "shared" / "data"


def national() -> list[Municipality]:
    with open(data_dir() / "befolkning_kommuner_2020-2026.csv", encoding="utf-8") as handle:
        population = {
            r["kommunenummer"]: int(r["folkemengde_1_jan"]) for r in csv.DictReader(handle) if r["aar"] == "2024"
        }
    with open(data_dir() / "kommuner_2024.csv", encoding="utf-8") as handle:
        names = {r["kommunenummer"]: r["navn_ssb_2024"] for r in csv.DictReader(handle)}
    return [
        Municipality(
            number,
            names[number],
            {"folkemengde": population[number]},
            excluded=number in EXCLUDED,
            cap=CAPS.get(number),
            accepts_minors=population[number] >= MINORS_PEOPLE,
        )
        for number in sorted(names)
    ]


def timed(function, repeat: int = 5) -> tuple[float, object]:
    """Median wall-clock seconds over ``repeat`` runs, and the last result."""
    return timed_both(function, repeat)[0], timed_both.last


def timed_both(function, repeat: int = 5) -> tuple[float, float]:
    """Median wall-clock and CPU (all threads of this process) seconds over ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        timed_both.last = function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def straightforward_milp(q: np.ndarray, lots: np.ndarray, caps: np.ndarray, total: int) -> np.ndarray:
    """The textbook formulation: variables x (integer), z (binary), d (deviation); dense matrix."""
    n = len(q)
    eye, zero, row = np.eye(n), np.zeros((n, n)), np.zeros((1, n))
    matrix = np.vstack(
        [
            np.hstack([np.ones((1, n)), row, row]),  # Σx = T
            np.hstack([eye, zero, -eye]),  # d ≥ x − q
            np.hstack([-eye, zero, -eye]),  # d ≥ q − x
            np.hstack([eye, -np.diag(lots), zero]),  # x ≥ L·z
            np.hstack([eye, -np.diag(caps), zero]),  # x ≤ cap·z
        ]
    )
    lower = np.concatenate([[total], np.full(2 * n, -np.inf), np.zeros(n), np.full(n, -np.inf)])
    upper = np.concatenate([[total], q, -q, np.full(n, np.inf), np.zeros(n)])
    result = milp(
        np.concatenate([np.zeros(2 * n), np.ones(n)]),
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.concatenate([np.ones(2 * n), np.zeros(n)]),
        bounds=Bounds(np.zeros(3 * n), np.concatenate([caps, np.ones(n), np.full(n, np.inf)])),
        options={"mip_rel_gap": 1e-9},
    )
    assert result.status == 0, result.message
    return np.rint(result.x[:n]).astype(int)


def baseline(municipalities: list[Municipality], total: int, parameters: Parameters, minors_lot: int | None):
    """The total (and with ``minors_lot``, the minors) by the straightforward MILP; returns
    ``(Σ|x − q|, Σ|y − q^EM|)``."""
    problem = build_problem(total, municipalities, parameters)
    part = problem.participants()
    counts = np.array([0 if m.excluded else (m.fixed or 0) for m in problem.municipalities])
    lots = np.array([problem.lot(i) for i in part], dtype=float)
    caps = np.array([problem.cap(i) if problem.cap(i) >= problem.lot(i) else 0 for i in part], dtype=float)
    quotas = np.array([q.quota for q in problem.quotas])
    counts[part] = straightforward_milp(quotas[part], lots, caps, problem.remaining)
    if minors_lot is None:
        return float(np.abs(counts - quotas).sum()), None
    takers = np.array([m.accepts_minors and not m.excluded for m in problem.municipalities])
    q = minors_quotas(quotas, takers, counts, MINORS)[0][takers]
    lot = max(minors_lot, 1)
    tops = counts[takers].astype(float)
    minors = straightforward_milp(q, np.full(len(q), float(lot)), np.where(tops >= lot, tops, 0), MINORS)
    return float(np.abs(counts - quotas).sum()), float(np.abs(minors - q).sum())


def side_by_side(municipalities: list[Municipality], parameters: Parameters) -> None:
    print(
        f"optimal against the straightforward MILP, measured side by side in this run "
        f"({REPEAT} interleaved repetitions, medians):"
    )
    for label, lot in (("without minors", None), ("with minors, K = 0", 0), ("with minors, K = 3", 3)):
        extra = {} if lot is None else {"minors_total": MINORS, "minors_min_lot": lot}
        ours_wall, ours_cpu, theirs_wall, theirs_cpu = [], [], [], []
        for _ in range(REPEAT):
            wall, cpu = timed_both(lambda extra=extra: allocate(municipalities, TOTAL, parameters, **extra), 1)
            ours, (ours_wall, ours_cpu) = timed_both.last, (ours_wall + [wall], ours_cpu + [cpu])
            wall, cpu = timed_both(lambda lot=lot: baseline(municipalities, TOTAL, parameters, lot), 1)
            theirs, (theirs_wall, theirs_cpu) = timed_both.last, (theirs_wall + [wall], theirs_cpu + [cpu])
        median = statistics.median
        same = abs(ours.objective - theirs[0]) < 1e-5 and (lot is None or abs(ours.minors.objective - theirs[1]) < 1e-5)
        print(
            f"  {label:20s} optimal wall {median(ours_wall) * 1000:7.1f} ms cpu {median(ours_cpu) * 1000:7.1f} ms | "
            f"MILP wall {median(theirs_wall) * 1000:7.1f} ms cpu {median(theirs_cpu) * 1000:7.1f} ms | "
            f"ratio wall 1/{median(theirs_wall) / median(ours_wall):.0f} cpu "
            f"1/{median(theirs_cpu) / median(ours_cpu):.0f} | same objective: {same}"
        )


def compare_sainte_lague(municipalities: list[Municipality]) -> None:
    import apportionment.methods as reference

    votes = [int(m.criteria["folkemengde"]) for m in municipalities]
    numbers = [m.number for m in municipalities]
    array = np.array(votes, dtype=float)
    zeros, upper = np.zeros(len(votes), dtype=int), np.full(len(votes), TOTAL)
    ours_time, ours = timed(lambda: bounded_divisor(array, TOTAL, zeros, upper, _sainte_lague_divisor))
    theirs_time, theirs = timed(lambda: reference.compute("saintelague", votes, TOTAL, parties=numbers, verbose=False))
    engine_time, _ = timed(
        lambda: allocate(municipalities, TOTAL, Parameters({"folkemengde": 1}, min_lot=0), "sainte-lague")
    )
    print(f"Sainte-Laguë, unconstrained, {len(votes)} municipalities, {TOTAL} seats:")
    print(f"  ours (apportionment core)  {ours_time * 1000:8.2f} ms")
    print(f"  ours (whole allocate())    {engine_time * 1000:8.2f} ms")
    print(f"  apportionment package      {theirs_time * 1000:8.2f} ms")
    print(f"  ratio ours/package (core)  {ours_time / theirs_time:8.3f}")
    print(f"  ratio ours/package (whole) {engine_time / theirs_time:8.3f}")
    print(f"  same seats as the package: {list(map(int, ours)) == list(theirs)}")


def main() -> None:
    municipalities = national()
    parameters = Parameters({"folkemengde": 1}, min_lot=10)
    print(
        f"National instance: {len(municipalities)} municipalities, T = {TOTAL}, minimum lot 10, "
        f"{len(CAPS)} caps, {len(EXCLUDED)} excluded"
    )
    print(
        f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU time is less "
        "sensitive to other processes than wall-clock time)"
    )
    print(
        f"  minors: the {sum(m.accepts_minors and not m.excluded for m in municipalities)} municipalities with at "
        f"least {MINORS_PEOPLE} inhabitants take unaccompanied minors, M = {MINORS}"
    )
    side_by_side(municipalities, parameters)
    for method in ("optimal", "sainte-lague", "dhondt", "largest-remainder"):
        wall, cpu = timed_both(lambda method=method: allocate(municipalities, TOTAL, parameters, method))
        result = timed_both.last
        zeros = sum(1 for row in result.rows if row.count == 0)
        print(
            f"  {method:18s} wall {wall * 1000:7.1f} ms  cpu {cpu * 1000:7.1f} ms  "
            f"objective {result.objective:8.2f}  zeros {zeros}"
        )
    print("optimal on hard totals (same instance):")
    for total, exponent, base, lot in HARD:
        hard = Parameters({"folkemengde": 1}, exponents={"folkemengde": exponent}, base=base, min_lot=lot)
        wall, cpu = timed_both(
            lambda total=total, hard=hard: allocate(municipalities, total, hard, "optimal"), repeat=3
        )
        result = timed_both.last
        zeros = sum(1 for row in result.rows if row.count == 0)
        print(
            f"  T={total:6d} exponent {exponent:3.1f} base {base:4.1f} lot {lot:2d}  wall {wall * 1000:7.1f} ms  "
            f"cpu {cpu * 1000:7.1f} ms  objective {result.objective:8.2f}  zeros {zeros}"
        )
    for method in ("optimal", "sainte-lague"):
        wall, cpu = timed_both(
            lambda method=method: sensitivity(
                municipalities, TOTAL, parameters, draws=1000, spread=0.2, seed=1, method=method
            ),
            repeat=1,
        )
        print(f"  1000 sensitivity draws ({method}): wall {wall:6.1f} s  cpu {cpu:6.1f} s")
    compare_sainte_lague([replace(m, excluded=False, cap=None) for m in municipalities])


if __name__ == "__main__":
    main()
