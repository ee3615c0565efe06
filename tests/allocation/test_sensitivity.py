"""Sensitivity: seeded random weights, min/median/max per municipality."""

from integrering.allocation import Municipality, Parameters, sensitivity

TOWNS = [Municipality(f"{i:04d}", f"By {i}", {"folk": 100 * i, "jobb": 50 + 10 * i}) for i in range(1, 8)]


def test_the_same_seed_gives_the_same_result_and_the_range_contains_the_allocation():
    parameters = Parameters({"folk": 1, "jobb": 2}, min_lot=5)
    first = sensitivity(TOWNS, 100, parameters, draws=40, spread=0.3, seed=7)
    assert first == sensitivity(TOWNS, 100, parameters, draws=40, spread=0.3, seed=7)
    for row in first.rows:
        assert row.minimum <= row.median <= row.maximum
        assert row.minimum <= row.count <= row.maximum or row.minimum == row.maximum


def test_with_a_single_criterion_the_municipality_weights_are_perturbed():
    result = sensitivity(TOWNS, 100, Parameters({"folk": 1}, min_lot=0), draws=30, spread=0.2, method="sainte-lague")
    assert any(row.minimum < row.maximum for row in result.rows)


def test_zero_spread_gives_no_variation():
    result = sensitivity(TOWNS, 100, Parameters({"folk": 1, "jobb": 1}), draws=5, spread=0.0)
    assert all(row.minimum == row.count == row.maximum for row in result.rows)
