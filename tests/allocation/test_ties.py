"""Ties: the classic methods' "lower number gets the seat" on exactly equal priorities, and the
documented tie rule of ``optimal`` for who drops to 0 among equal quotas."""

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from integrering.allocation import Municipality, Parameters, allocate

DIVISOR_OFFSETS = {"dhondt": Fraction(1), "sainte-lague": Fraction(1, 2)}


def towns(votes: list[int]) -> list[Municipality]:
    return [Municipality(f"{i + 1:04d}", criteria={"stemmer": v}) for i, v in enumerate(votes)]


def seats(votes: list[int], house: int, method: str) -> list[int]:
    result = allocate(towns(votes), house, Parameters({"stemmer": 1}, min_lot=0), method)
    return [row.count for row in result.rows]


def seat_by_seat(votes: list[int], house: int, offset: Fraction) -> list[int]:
    """The textbook divisor method in exact arithmetic; a tie goes to the lower number."""
    x = [0] * len(votes)
    for _ in range(house):
        priorities = [Fraction(v) / (s + offset) for v, s in zip(votes, x)]
        x[priorities.index(max(priorities))] += 1
    return x


def hamilton(votes: list[int], house: int) -> list[int]:
    """Largest remainder in exact arithmetic; a tie goes to the lower number."""
    quotas = [Fraction(v * house, sum(votes)) for v in votes]
    x = [int(q) for q in quotas]
    order = sorted(range(len(votes)), key=lambda i: (-(quotas[i] - x[i]), i))
    for i in order[: house - sum(x)]:
        x[i] += 1
    return x


@pytest.mark.parametrize(
    ("votes", "house", "method", "expected"),
    [
        ([10, 5], 20, "dhondt", [14, 6]),  # 10/14 = 5/7: the lower number gets the 20th seat
        ([5, 10, 6], 26, "sainte-lague", [6, 13, 7]),
        ([3, 3, 5], 50, "sainte-lague", [14, 14, 22]),
    ],
)
def test_mathematically_equal_priorities_tie_and_the_lower_number_gets_the_seat(votes, house, method, expected):
    assert seat_by_seat(votes, house, DIVISOR_OFFSETS[method]) == expected
    assert seats(votes, house, method) == expected


@pytest.mark.parametrize("method", sorted(DIVISOR_OFFSETS))
@settings(max_examples=60, deadline=None)
@given(votes=st.lists(st.integers(1, 60), min_size=1, max_size=5), house=st.integers(0, 60))
@example(votes=[10, 5], house=20)
@example(votes=[5, 10, 6], house=26)
@example(votes=[3, 3, 5], house=50)
def test_the_divisor_methods_give_the_exact_seat_by_seat_result(method, votes, house):
    assert seats(votes, house, method) == seat_by_seat(votes, house, DIVISOR_OFFSETS[method])


@settings(max_examples=60, deadline=None)
@given(votes=st.lists(st.integers(1, 60), min_size=1, max_size=5), house=st.integers(0, 60))
@example(votes=[1, 1, 1], house=2)
@example(votes=[3, 3, 5], house=50)
def test_largest_remainder_gives_the_exact_result(votes, house):
    assert seats(votes, house, "largest-remainder") == hamilton(votes, house)


EQUAL_SMALL = [("5894", 70), ("9602", 4), ("1057", 4), ("5588", 4), ("0849", 4)]


@settings(max_examples=20, deadline=None)
@given(order=st.permutations(EQUAL_SMALL))
def test_among_equal_quotas_the_lowest_numbers_get_the_lot_whatever_the_row_order(order):
    rows = allocate(
        [Municipality(n, criteria={"folk": f}) for n, f in order], 86, Parameters({"folk": 1}, min_lot=10)
    ).rows
    counts = {row.number: row.count for row in rows}
    # Σ|x − q| is 24 both with one and with two of the four at 10; the tie rule gives the lot to
    # as many as it can (points) and then to the lowest numbers.
    assert counts == {"0849": 10, "1057": 10, "5588": 0, "5894": 66, "9602": 0}
    for number in ("5588", "9602"):
        row = next(r for r in rows if r.number == number)
        assert row.rule == "zero_by_tie"
        assert "likhetsregelen" in row.explanation and "lavest kommunenummer" in row.explanation


def test_a_single_lot_among_identical_municipalities_goes_to_the_lowest_number():
    municipalities = [Municipality(n, criteria={"folk": 1}) for n in ("5007", "5001", "5003", "5005")]
    rows = allocate(municipalities, 10, Parameters({"folk": 1}, min_lot=10)).rows
    assert [(r.number, r.count) for r in rows] == [("5001", 10), ("5003", 0), ("5005", 0), ("5007", 0)]
    assert all(r.rule == "zero_by_tie" for r in rows[1:])
    assert "5001 har samme kvote og fikk 10" in rows[1].explanation


@pytest.mark.parametrize("own_minimum", ["0001", "0002"])
def test_the_tie_rule_also_decides_between_municipalities_with_different_lots(own_minimum):
    # Same quota 6; one has its own minimum 12 (another class, so no chain between them): either
    # can take the 12 at the same cost, and the points give it to the lower number.
    municipalities = [
        Municipality(n, criteria={"folk": 1}, minimum=12 if n == own_minimum else None) for n in ("0002", "0001")
    ]
    rows = allocate(municipalities, 12, Parameters({"folk": 1}, min_lot=10)).rows
    assert [(r.number, r.count) for r in rows] == [("0001", 12), ("0002", 0)]
    assert rows[1].rule == "zero_by_tie"


def test_a_larger_quota_wins_before_a_lower_number():
    municipalities = [Municipality("0001", criteria={"folk": 10}), Municipality("0002", criteria={"folk": 11})]
    counts = allocate(municipalities, 10, Parameters({"folk": 1}, min_lot=10)).counts()
    assert counts == {"0001": 0, "0002": 10}


def test_without_a_minimum_lot_a_zero_is_rounding_down_not_the_minimum_lot():
    result = allocate(towns([47, 47, 6]), 10, Parameters({"stemmer": 1}, min_lot=0))
    third = result.rows[2]
    assert third.count == 0 and third.rule == "rounded"
    assert "Avrundet ned" in third.explanation and "minstetallet" not in third.explanation


def test_a_cap_of_zero_is_named_as_the_cap_not_as_rounding():
    municipalities = [replace(m, cap=0) if m.number == "0003" else m for m in towns([30, 30, 15])]
    third = allocate(municipalities, 15, Parameters({"stemmer": 1}, min_lot=0)).rows[2]
    assert third.count == 0 and third.rule == "capped"
    assert "maks-tallet 0 begrenset den" in third.explanation
