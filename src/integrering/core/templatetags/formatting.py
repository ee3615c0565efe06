"""Norwegian display of numbers, dates and unknown values."""

import datetime
from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()

UNKNOWN = "–"


@register.filter
def number(value, decimals: int | None = None):
    """468702 → «468 702»; 12.5 → «12,5»; None → «–» (unknown, not zero)."""
    if value is None or value == "":
        return UNKNOWN
    if isinstance(value, float | Decimal) and decimals is None:
        decimals = 1
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def date_no(value):
    """A date as dd.mm.åååå; None → «–»."""
    if not value:
        return UNKNOWN
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    return value.strftime("%d.%m.%Y")


@register.filter
def percent(value, decimals: int = 0):
    if value is None:
        return UNKNOWN
    return number_format(value * 100, decimal_pos=decimals, use_l10n=True) + "\xa0%"
