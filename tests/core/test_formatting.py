"""The shared display filters: numbers and percentages round half up, times are shown in Oslo time."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from integrering.core.templatetags.formatting import date_no, number, percent

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _bokmal():
    with translation.override("nb"):
        yield


@pytest.mark.parametrize(
    "value, decimals, shown",
    [
        (17.9614, None, "18,0"),
        (17.9614, 2, "17,96"),
        (0.99, None, "1,0"),
        (0.25, None, "0,3"),
        (0.125, 2, "0,13"),
        (Decimal("2.45"), 1, "2,5"),
        (12.5, None, "12,5"),
        (1234.56, 0, "1\xa0235"),
        (468702, None, "468\xa0702"),
        (0, None, "0"),
    ],
)
def test_numbers_are_rounded_half_up_not_truncated(value, decimals, shown):
    assert number(value, decimals) == shown


def test_an_unknown_number_is_a_dash_not_zero():
    assert number(None) == "–" and number("") == "–"


@pytest.mark.parametrize(
    "value, decimals, shown",
    [
        (2 / 3, 0, "67\xa0%"),
        (8 / 11, 0, "73\xa0%"),
        (0.285, 1, "28,5\xa0%"),
        (0.125, 0, "13\xa0%"),
        (1, 0, "100\xa0%"),
        (0.0049, 0, "0\xa0%"),
    ],
)
def test_percentages_are_rounded_half_up(value, decimals, shown):
    assert percent(value, decimals) == shown


def test_an_unknown_percentage_is_a_dash():
    assert percent(None) == "–"


def test_a_time_just_before_midnight_utc_is_shown_as_the_next_day_in_oslo():
    winter = datetime.datetime(2024, 1, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 January in Oslo (CET, +1)
    summer = datetime.datetime(2024, 6, 30, 22, 15, tzinfo=UTC)  # 00:15 on 1 July in Oslo (CEST, +2)
    assert date_no(winter) == "02.01.2024 00:30"
    assert date_no(summer) == "01.07.2024 00:15"


def test_a_date_is_shown_as_is_and_unknown_as_a_dash():
    assert date_no(datetime.date(2024, 1, 1)) == "01.01.2024"
    assert date_no(None) == "–"
