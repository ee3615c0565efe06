"""Benchmark of the allocation engine on a national instance.

All 357 municipalities of 2024, population on 1 January 2024 as the only criterion,
T = 35 000, minimum lot 10, a few caps and exclusions. Prints the time of each method, of
``optimal`` on totals that used to be hard (many near-equal quotas where the minimum lot must
send most to 0: T = 2 000 with exponent 0.6 and base 5 took more than 300 s before the
formulation was tightened), of 1 000 sensitivity draws, and our Sainte-Laguë against the
``apportionment`` package on the same unconstrained input (as a ratio measured in this run).

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

from integrering.allocation import Municipality, Parameters, allocate, sensitivity  # noqa: E402
from integrering.allocation.methods.divisor import _sainte_lague_divisor, bounded_divisor  # noqa: E402

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
