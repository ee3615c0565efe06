"""The solver stage of ``optimal``: clean standard output, the time limit, never an unproven answer."""

import ctypes
import os
from types import SimpleNamespace

import pytest
from scipy.optimize import milp

from integrering.allocation import Municipality, Parameters, allocate
from integrering.allocation.cli import main
from integrering.allocation.errors import SolverFailure
from integrering.allocation.methods import exact
from integrering.allocation.methods import milp as model
from integrering.allocation.output import allocation_csv

SMALL_AND_EQUAL = "kommunenummer,folk\n5894,70\n9602,4\n1057,4\n5588,4\n0849,4\n"


def test_what_the_solver_prints_on_file_descriptor_1_does_not_reach_standard_output(capfd):
    libc = ctypes.CDLL(None)
    with model.quiet_stdout():
        os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();\n")
        libc.printf(b"printed by C\n")
    libc.fflush(None)
    print("after")
    assert capfd.readouterr().out == "after\n"


def test_allocate_writes_exactly_the_csv_to_standard_output(tmp_path, capfd):
    path = tmp_path / "input.csv"
    path.write_text(SMALL_AND_EQUAL, encoding="utf-8")
    assert main(["allocate", str(path), "--total", "86"]) == 0
    expected = allocate(
        [
            Municipality(n, criteria={"folk": int(f)})
            for n, f in (line.split(",") for line in SMALL_AND_EQUAL.splitlines()[1:])
        ],
        86,
        Parameters({"folk": 1}),
    )
    captured = capfd.readouterr()
    assert captured.out == allocation_csv(expected)
    assert captured.out.startswith("kommunenummer,navn,antall,kvote,regel,forklaring\n")


def test_an_instance_where_highs_prints_leaves_standard_output_empty(tmp_path, capfd):
    # HiGHS prints "HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();" on
    # file descriptor 1 while it solves this one (7 cannot be made of 0/6, 0/5, 0/5).
    path = tmp_path / "input.csv"
    path.write_text("kommunenummer,b,min,maks\n0002,1,,0\n0003,1,6,6\n0004,1,,5\n0001,1,,5\n", encoding="utf-8")
    assert main(["allocate", str(path), "--total", "7", "--min-lot", "5"]) == 3
    captured = capfd.readouterr()
    assert captured.out == ""
    assert "Minstetallet 5" in captured.err and "Highs" not in captured.err


def unproven(*args, **kwargs):
    return SimpleNamespace(status=model.STATUS_LIMIT, message="Time limit reached", x=None, fun=None)


def test_an_allocation_the_solver_has_not_proven_optimal_is_never_returned(monkeypatch):
    # The exact search hands such an instance to the integer programme only beyond its budget; a
    # budget of 0 sends it there at once, and HiGHS then "fails" to prove anything.
    monkeypatch.setattr(exact, "LEAF_BUDGET", 0)
    monkeypatch.setattr(model, "milp", unproven)
    towns = [Municipality(f"{i:04d}", criteria={"folk": 10 + i}) for i in range(1, 6)]
    with pytest.raises(SolverFailure, match="tidsgrensen"):
        allocate(towns, 40, Parameters({"folk": 1}))


def test_the_time_limit_is_a_safety_net_with_its_own_exit_status(tmp_path, capfd):
    path = tmp_path / "input.csv"
    path.write_text(SMALL_AND_EQUAL, encoding="utf-8")
    assert main(["allocate", str(path), "--total", "86", "--time-limit", "1e-9"]) == 4
    captured = capfd.readouterr()
    assert captured.out == ""
    assert "ingen bevist optimal fordeling" in captured.err and "tidsgrensen" in captured.err
    assert "Traceback" not in captured.err


def test_the_classic_methods_do_not_need_the_solver(tmp_path, capfd, monkeypatch):
    monkeypatch.setattr(model, "milp", unproven)
    path = tmp_path / "input.csv"
    path.write_text(SMALL_AND_EQUAL, encoding="utf-8")
    assert main(["allocate", str(path), "--total", "86", "--method", "sainte-lague"]) == 0


def test_beyond_its_budget_the_exact_search_hands_over_to_the_integer_programme_with_the_same_result(monkeypatch):
    towns = [Municipality(f"{i:04d}", criteria={"folk": 10 + i}, cap=30 + i) for i in range(1, 9)]
    expected = allocate(towns, 86, Parameters({"folk": 1}))
    calls = []
    monkeypatch.setattr(exact, "LEAF_BUDGET", 0)
    monkeypatch.setattr(model, "milp", lambda *a, **k: calls.append(1) or milp(*a, **k))
    assert allocate(towns, 86, Parameters({"folk": 1})) == expected
    assert calls


def test_the_exact_search_also_keeps_the_time_limit():
    towns = [Municipality(f"{i:04d}", criteria={"folk": 10 + i}) for i in range(1, 6)]
    with pytest.raises(SolverFailure, match="tidsgrensen"):
        allocate(towns, 40, Parameters({"folk": 1}), time_limit=1e-12)
