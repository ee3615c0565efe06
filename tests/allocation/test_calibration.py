"""Calibration on the seed's 2021 table for Trøndelag."""

import pytest

from integrering.allocation import calibrate


@pytest.fixture(scope="module")
def calibration(trondelag, seed_requests):
    return calibrate(trondelag, seed_requests, ["folkemengde"], min_lot=10)


def test_the_seed_table_is_reproduced_with_an_error_of_at_most_four_and_a_half_persons(calibration):
    assert calibration.rmse <= 4.5
    assert calibration.allocation.total == 619
    assert sum(calibration.allocation.counts().values()) == 619


def test_the_municipalities_with_zero_last_year_stay_at_zero(calibration, seed_requests):
    counts = calibration.allocation.counts()
    assert all(counts[number] == 0 for number, value in seed_requests.items() if value == 0)
    assert all(counts[number] >= 10 for number, value in seed_requests.items() if value > 0)


def test_the_calibrated_parameters_dampen_size(calibration):
    parameters = calibration.parameters
    assert parameters.base > 0 or parameters.exponent("folkemengde") < 1
    assert parameters.min_lot == 10


def test_calibration_is_deterministic(calibration, trondelag, seed_requests):
    again = calibrate(trondelag, seed_requests, ["folkemengde"], min_lot=10)
    assert again.parameters == calibration.parameters
    assert again.allocation.counts() == calibration.allocation.counts()


def test_with_two_criteria_the_weights_are_fitted_too():
    from integrering.allocation import Municipality

    towns = [Municipality(f"{i:04d}", criteria={"folk": 100 * i, "jobb": 500 - 40 * i}) for i in range(1, 9)]
    targets = {m.number: 10 + 2 * i for i, m in enumerate(towns)}
    result = calibrate(towns, targets, ["folk", "jobb"], min_lot=10)
    assert set(result.parameters.weights) == {"folk", "jobb"}
    assert result.parameters.weights["folk"] == 1.0
    assert sum(result.allocation.counts().values()) == sum(targets.values())
    assert result.rmse < 3
