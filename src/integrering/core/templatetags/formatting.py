"""Norwegian display of numbers, dates and unknown values."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import timezone
from django.utils.formats import number_format

register = template.Library()

UNKNOWN = "–"


def rounded(value, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places (17.96 → 18.0, 0.125 → 0.13); never truncated.

    Floats go through their shortest representation (``str``), so 0.285 is 0.285, not 0.28499….
    """
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@register.filter
def number(value, decimals: int | None = None):
    """468702 → «468 702»; 12.5 → «12,5»; 17.96 → «18,0»; None → «–» (unknown, not zero)."""
    if value is None or value == "":
        return UNKNOWN
    if isinstance(value, float | Decimal) and decimals is None:
        decimals = 1
    if decimals is not None:
        try:
            value = rounded(value, int(decimals))
        except (InvalidOperation, ValueError, TypeError):
            return UNKNOWN
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def date_no(value):
    """A date as dd.mm.åååå, a time as dd.mm.åååå tt:mm in Norwegian time (Europe/Oslo); None → «–»."""
    if not value:
        return UNKNOWN
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d.%m.%Y %H:%M")
    return value.strftime("%d.%m.%Y")


@register.filter
def percent(value, decimals: int = 0):
    """A share as a percentage rounded half up: 2/3 → «67 %», 0.125 → «13 %»; None → «–»."""
    if value is None:
        return UNKNOWN
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return number_format(rounded(exact * 100, int(decimals)), decimal_pos=decimals, use_l10n=True) + "\xa0%"
