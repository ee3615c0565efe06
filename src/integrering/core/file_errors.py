"""Errors of uploaded tables (:mod:`integrering.tabular`, which knows no Django) as messages for users.

The pure package carries a code, an English template and parameters; here the template is translated through the
project's catalogue (the templates are collected by ``makemessages``) and numbers and dates are written the
Norwegian way («200 000», «15.03.2021»).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext

from integrering.tabular import MESSAGES, InvalidTable, TableError

UNKNOWN = "–"


def _display(value: object) -> object:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return value


def table_error_message(error: TableError) -> str:
    """One error as the user reads it: «Rad 5, kolonne «fodselsdato»: «31.02.2021» er ikke en gyldig dato.»"""
    return error.render(gettext, _display)


def table_error_messages(error: TableError) -> list[str]:
    """Every message of ``error``: each error of an :class:`~integrering.tabular.InvalidTable`, and a last line
    with the number of errors not listed; otherwise the one message."""
    if not isinstance(error, InvalidTable):
        return [table_error_message(error)]
    messages = [table_error_message(each) for each in error.errors]
    if error.more:
        messages.append(gettext(MESSAGES["more_errors"]) % {"count": _display(error.more)})
    return messages
