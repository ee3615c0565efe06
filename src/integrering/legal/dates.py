"""Calendar arithmetic for the rules of the Act. Two conventions, each used for one kind of rule:

- **Deadlines in months** ("within three months of settlement", § 12) are counted in calendar months
  (``add_months``). A month later than a day that does not exist in the target month is the last day of
  that month: three months after 31 January is 30 April, three months after 30 November is 28 February
  (29 in a leap year).
- **Durations in whole years** (a person's age, § 8 and § 13; "has lived in a municipality for less than
  two years", § 8) are counted like age (``whole_years``, ``anniversary``): a year is complete on the
  same day and month, and a year counted from 29 February is complete on 1 March in years that are not
  leap years. So a person born on 29.02.2004 turns 18 on 01.03.2022, and two years from a settlement on
  29.02.2024 are complete on 01.03.2026. Nobody is older, and no time limit passes, before a full number
  of years has passed.
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


def whole_years(start: date, day: date) -> int:
    """Whole years from ``start`` to ``day`` (negative if ``day`` is before ``start``).

    A year is complete on the same day and month. Counted from 29 February, a year is complete on
    1 March in years that are not leap years (on 28 February it is not yet complete).

    >>> whole_years(date(2024, 2, 29), date(2026, 2, 28))
    1
    >>> whole_years(date(2024, 2, 29), date(2026, 3, 1))
    2
    """
    before_anniversary = (day.month, day.day) < (start.month, start.day)
    return day.year - start.year - (1 if before_anniversary else 0)


def anniversary(start: date, years: int) -> date:
    """The first day on which ``years`` whole years from ``start`` are complete (``whole_years``).

    >>> anniversary(date(2021, 3, 15), 2)
    datetime.date(2023, 3, 15)
    >>> anniversary(date(2024, 2, 29), 2)
    datetime.date(2026, 3, 1)
    >>> anniversary(date(2024, 2, 29), 4)
    datetime.date(2028, 2, 29)
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year that is not a leap year
        return date(start.year + years, 3, 1)


def age_on(birth: date, day: date) -> int:
    """Age in whole years on ``day`` for a person born on ``birth`` (``whole_years``).

    Someone born on 29 February turns a year older on 1 March in years that are not leap years.

    >>> age_on(date(2000, 2, 29), date(2018, 2, 28))
    17
    >>> age_on(date(2000, 2, 29), date(2018, 3, 1))
    18
    """
    return whole_years(birth, day)
