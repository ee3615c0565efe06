"""With base 0 and no constraints the classic methods give the textbook results."""

import pytest

from integrering.allocation import Municipality, Parameters, allocate

FOUR_PARTIES = {"0001": 100_000, "0002": 80_000, "0003": 30_000, "0004": 20_000}
SIX_PARTIES = {"0001": 47_000, "0002": 16_000, "0003": 15_800, "0004": 12_000, "0005": 6_100, "0006": 3_100}


def seats(votes: dict[str, int], total: int, method: str) -> list[int]:
    municipalities = [Municipality(n, criteria={"stemmer": v}) for n, v in votes.items()]
    result = allocate(municipalities, total, Parameters({"stemmer": 1}, min_lot=0), method)
    return [row.count for row in result.rows]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("dhondt", [4, 3, 1, 0]),
        ("sainte-lague", [3, 3, 1, 1]),
    ],
)
def test_the_divisor_methods_give_the_textbook_result_for_eight_seats(method, expected):
    assert seats(FOUR_PARTIES, 8, method) == expected


def test_largest_remainder_gives_the_textbook_hare_result_for_ten_seats():
    assert seats(SIX_PARTIES, 10, "largest-remainder") == [5, 2, 1, 1, 1, 0]


def test_dhondt_favours_the_largest_where_sainte_lague_does_not():
    assert seats(SIX_PARTIES, 10, "dhondt") == [5, 2, 2, 1, 0, 0]
    assert seats(SIX_PARTIES, 10, "sainte-lague") == [4, 2, 2, 1, 1, 0]


def test_largest_remainder_shows_the_alabama_paradox():
    # Classic example: with 10 → 11 seats party C loses a seat under Hamilton.
    votes = {"0001": 6, "0002": 6, "0003": 2}
    assert seats(votes, 10, "largest-remainder") == [4, 4, 2]
    assert seats(votes, 11, "largest-remainder") == [5, 5, 1]


def test_optimal_without_a_minimum_lot_is_rounding_to_the_nearest_with_the_exact_sum():
    assert seats(SIX_PARTIES, 10, "optimal") == [5, 2, 1, 1, 1, 0]


def test_ties_go_to_the_lower_municipality_number():
    votes = {"0002": 1, "0001": 1, "0003": 1}
    for method in ("optimal", "sainte-lague", "dhondt", "largest-remainder"):
        assert seats(votes, 2, method) == [1, 1, 0], method
