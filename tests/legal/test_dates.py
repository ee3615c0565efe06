from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrering.legal import add_months, age_on, anniversary, whole_years

D = date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2021, 1, 15), 3, D(2021, 4, 15)),
        (D(2021, 1, 31), 3, D(2021, 4, 30)),
        (D(2022, 11, 30), 3, D(2023, 2, 28)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2021, 3, 15), 24, D(2023, 3, 15)),
        (D(2021, 10, 31), 3, D(2022, 1, 31)),
        (D(2021, 12, 31), 2, D(2022, 2, 28)),
        (D(2021, 5, 31), -3, D(2021, 2, 28)),
        (D(2021, 5, 31), 0, D(2021, 5, 31)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("birth", "day", "expected"),
    [
        (D(2003, 1, 10), D(2021, 1, 10), 18),
        (D(2003, 1, 11), D(2021, 1, 10), 17),
        (D(1965, 1, 10), D(2021, 1, 10), 56),
        (D(1965, 1, 11), D(2021, 1, 10), 55),
        (D(2000, 2, 29), D(2018, 2, 28), 17),
        (D(2000, 2, 29), D(2018, 3, 1), 18),
        (D(2000, 2, 29), D(2020, 2, 29), 20),
        (D(2000, 2, 29), D(2020, 2, 28), 19),
        (D(2021, 1, 11), D(2021, 1, 10), -1),
    ],
)
def test_age_on_counts_whole_years_and_29_february_birthdays_turn_on_1_march(birth, day, expected):
    assert age_on(birth, day) == expected


days = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


@settings(max_examples=100, deadline=None)
@given(days, st.integers(min_value=-600, max_value=600))
def test_add_months_moves_exactly_n_months_and_clamps_only_to_a_month_end(start, months):
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    if result.day < start.day:
        assert (result + timedelta(days=1)).day == 1


@settings(max_examples=100, deadline=None)
@given(days, st.integers(min_value=1, max_value=90))
def test_age_on_turns_one_year_older_on_the_birthday_and_not_the_day_before(birth, years):
    birthday = add_months(birth, 12 * years)
    if (birth.month, birth.day) == (2, 29) and birthday.day == 28:
        birthday += timedelta(days=1)  # 1 March in a year that is not a leap year
    assert age_on(birth, birthday) == years
    assert age_on(birth, birthday - timedelta(days=1)) == years - 1
    assert age_on(birth, birth) == 0


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2021, 3, 15), 2, D(2023, 3, 15)),
        (D(2024, 2, 29), 2, D(2026, 3, 1)),  # not 28.02.2026: whole years, like age
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2023, 2, 28), 2, D(2025, 2, 28)),
        (D(2021, 1, 31), 2, D(2023, 1, 31)),
    ],
)
def test_anniversary_is_the_first_day_the_years_are_complete(start, years, expected):
    assert anniversary(start, years) == expected
    assert whole_years(start, expected) == years
    assert whole_years(start, expected - timedelta(days=1)) == years - 1


def test_age_and_years_lived_in_a_municipality_are_the_same_count():
    """One convention for whole years: a birthday and a settlement anniversary on 29 February behave alike."""
    for day in (D(2026, 2, 28), D(2026, 3, 1)):
        assert age_on(D(2024, 2, 29), day) == whole_years(D(2024, 2, 29), day)
    assert whole_years(D(2024, 2, 29), D(2026, 2, 28)) == 1


@settings(max_examples=100, deadline=None)
@given(days, st.integers(min_value=1, max_value=90))
def test_whole_years_reach_n_on_the_anniversary_and_not_the_day_before(start, years):
    day = anniversary(start, years)
    assert whole_years(start, day) == years
    assert whole_years(start, day - timedelta(days=1)) == years - 1
    assert day >= add_months(start, 12 * years)  # never earlier than the month-clamped date
