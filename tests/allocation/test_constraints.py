"""Constraints: infeasible instances are detected, and every rule shows in the explanation."""

import pytest

from integrering.allocation import Infeasible, InvalidInput, Municipality, Parameters, allocate

from .helpers import ALL_METHODS

PARAMETERS = Parameters({"folk": 1})


def town(number: str, folk: int, **constraints) -> Municipality:
    return Municipality(number, f"By {number}", {"folk": folk}, **constraints)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_it_rejects_a_total_below_the_fixed_sum(method):
    towns = [town("0001", 10, fixed=30), town("0002", 10)]
    with pytest.raises(Infeasible, match="faste tallene"):
        allocate(towns, 20, PARAMETERS, method)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_it_reports_when_the_caps_cannot_reach_the_total(method):
    towns = [town("0001", 10, cap=15), town("0002", 10, cap=20)]
    with pytest.raises(Infeasible, match="Maks-tallene"):
        allocate(towns, 50, PARAMETERS, method)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_it_reports_when_the_minimum_lot_makes_the_total_impossible(method):
    towns = [town("0001", 10, cap=12), town("0002", 10, cap=12)]
    with pytest.raises(Infeasible, match="Minstetallet"):
        allocate(towns, 15, PARAMETERS, method)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_it_reports_when_everybody_is_excluded_but_something_remains(method):
    with pytest.raises(Infeasible, match="ingen kommuner"):
        allocate([town("0001", 10, excluded=True)], 5, PARAMETERS, method)


def test_it_rejects_a_duplicate_municipality():
    with pytest.raises(InvalidInput, match="flere ganger"):
        allocate([town("0001", 10), town("0001", 20)], 10, PARAMETERS)


def test_it_rejects_a_negative_criterion():
    with pytest.raises(InvalidInput, match="negativ"):
        allocate([town("0001", -1)], 10, PARAMETERS)


def rules(towns, total, parameters=PARAMETERS, method="optimal"):
    result = allocate(towns, total, parameters, method)
    return {row.number: (row.count, row.rule, row.explanation) for row in result.rows}


def test_every_rule_is_named_in_the_explanation():
    towns = [
        town("0001", 1000, cap=40),
        town("0002", 300),
        town("0003", 60),
        town("0004", 8),
        town("0005", 500, fixed=7),
        town("0006", 500, excluded=True),
    ]
    result = rules(towns, 107)
    assert result["0001"][:2] == (40, "capped") and "maks-tallet" in result["0001"][2]
    assert result["0005"][:2] == (7, "fixed") and "fast tall 7" in result["0005"][2]
    assert result["0006"][:2] == (0, "excluded") and "utelatt" in result["0006"][2]
    assert result["0004"][1] in ("zero_by_min_lot", "raised_to_min_lot")
    assert sum(count for count, _, _ in result.values()) == 107


def test_a_small_municipality_is_raised_to_the_minimum_lot_when_that_is_best():
    result = rules([town("0001", 100), town("0002", 60)], 25, Parameters({"folk": 1}, min_lot=10))
    assert result["0002"][:2] == (10, "raised_to_min_lot")
    assert "Hevet til minstetallet 10" in result["0002"][2]


def test_a_small_municipality_is_set_to_zero_by_the_minimum_lot_when_that_is_best():
    result = rules([town("0001", 100), town("0002", 4)], 104, Parameters({"folk": 1}, min_lot=10))
    assert result["0002"][:2] == (0, "zero_by_min_lot")
    assert "Satt til 0" in result["0002"][2]


def test_the_explanation_shows_each_criterion_and_the_base():
    towns = [
        Municipality("0001", "Aby", {"folk": 300, "jobb": 100}),
        Municipality("0002", "Bby", {"folk": 100, "jobb": 300}),
    ]
    result = allocate(towns, 40, Parameters({"folk": 1, "jobb": 1}, base=5))
    row = result.rows[0]
    assert row.quota == pytest.approx(20)
    assert row.base == 5
    assert row.contributions == pytest.approx({"folk": 11.25, "jobb": 3.75})
    assert "grunntall 5,0 + folk 11,3 + jobb 3,8" in row.explanation


def test_a_lower_is_better_criterion_gives_more_to_the_lower_value():
    towns = [Municipality("0001", criteria={"ledighet": 2.0}), Municipality("0002", criteria={"ledighet": 4.0})]
    result = allocate(towns, 30, Parameters({"ledighet": 1}, min_lot=0, lower_is_better=frozenset({"ledighet"})))
    assert [row.count for row in result.rows] == [20, 10]


def test_an_individual_minimum_is_honoured_as_the_lot():
    towns = [town("0001", 100), town("0002", 20, minimum=15)]
    result = allocate(towns, 60, Parameters({"folk": 1}, min_lot=10)).counts()
    assert result["0002"] in (0,) or result["0002"] >= 15


def test_the_excess_over_a_cap_is_shared_by_the_others_in_proportion():
    towns = [town("0001", 1000, cap=100), town("0002", 200), town("0003", 400), town("0004", 200)]
    result = allocate(towns, 500, PARAMETERS)
    assert result.counts() == {"0001": 100, "0002": 100, "0003": 200, "0004": 100}
    assert result.rows[0].rule == "capped"
    assert "Kvoten er 277,8" in result.rows[0].explanation
    assert "maks-tallet 100 begrenset den" in result.rows[0].explanation
    assert result.rows[2].quota == pytest.approx(111.111111111)
    assert result.rows[2].redistributed == pytest.approx(200)
    assert "kvoten etter omfordeling er 200,0" in result.rows[2].explanation


def test_what_the_minimum_lot_costs_the_others_is_spread_not_taken_from_one():
    towns = [town("0001", 1000), town("0002", 1000), town("0003", 1000), town("0004", 7)]
    counts = allocate(towns, 3007, Parameters({"folk": 1}, min_lot=10)).counts()
    assert counts == {"0001": 999, "0002": 999, "0003": 999, "0004": 10}


def test_large_numbers_in_the_explanation_are_written_the_norwegian_way():
    result = allocate([town("0301", 900), town("5001", 100)], 3000, Parameters({"folk": 1}, min_lot=10), "optimal")
    oslo = next(row for row in result.rows if row.number == "0301")
    assert oslo.count == 2700
    assert "får 2\u00a0700. Kvoten er 2\u00a0700,0" in oslo.explanation
