"""Display of settlement figures: unknown as «–», numbers with spaces, public markers as they are."""

import datetime

from django import template

from integrering.core.templatetags.formatting import date_no, number

register = template.Library()


@register.filter
def cell(value):
    """None → «–»; 1234 → «1 234»; «<5» and «:» unchanged."""
    if isinstance(value, str):
        return value
    return number(value)


@register.filter
def figure(row, name: str):
    """``row|figure:"requested"`` → the row's value (None when unknown or no record)."""
    return row.value(name)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def decimal(value):
    """A weight, exponent or base as short as it is: 1 → «1», 0.6 → «0,6», 12.25 → «12,25»; None → «–»."""
    if value is None or value == "":
        return "–"
    return f"{float(value):g}".replace(".", ",").replace("-", "\u2212")


@register.filter
def any_value(value):
    """A number, a date or a text of the import preview: unknown (None or "") → «–»."""
    if isinstance(value, datetime.date):
        return date_no(value)
    if isinstance(value, str):
        return value or "–"
    return number(value)
