"""Calendar arithmetic for the rules of the Act.

Deadlines in the Act are counted in calendar months ("within three months of settlement"). A month
later than a day that does not exist in the target month is the last day of that month: three months
after 31 January is 30 April, three months after 30 November is 28 February (29 in a leap year).
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved ``months`` calendar months (may be negative), clamped to the month's end.

    >>> add_months(date(2021, 1, 31), 3)
    datetime.date(2021, 4, 30)
    >>> add_months(date(2023, 11, 30), 3)
    datetime.date(2024, 2, 29)
    >>> add_months(date(2024, 2, 29), 12)
    datetime.date(2025, 2, 28)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def age_on(birth: date, day: date) -> int:
    """Age in whole years on ``day`` for a person born on ``birth`` (negative if born after ``day``).

    A person turns a year older on their birthday. Someone born on 29 February turns a year older on
    1 March in years that are not leap years (on 28 February they are still the younger age). This is
    the reading that never makes a person older before a full number of years has passed.

    >>> age_on(date(2000, 2, 29), date(2018, 2, 28))
    17
    >>> age_on(date(2000, 2, 29), date(2018, 3, 1))
    18
    """
    before_birthday = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - (1 if before_birthday else 0)
