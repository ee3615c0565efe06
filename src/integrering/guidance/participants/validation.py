"""Checks of a participant's facts shared by the services, the forms and the import. Messages go through gettext.

``facts_clean(values) -> dict`` returns the values ready for the model (``""`` for unknown choices,
``None`` for unknown dates, months and yes/no) or raises ``ApplicationError(message, field=<name>)``.
A fødselsnummer or D-nummer with no birth date gives the birth date (it is in the number).
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import fodselsnummer

from integrering.core.exceptions import ApplicationError
from integrering.legal import EDUCATION_LEVELS, END_GOALS, PERMIT_CATEGORIES

DATE_FIELDS = ("birth_date", "permit_date", "settlement_date", "mapping_date", "decision_date", "programme_start")
CHOICE_FIELDS = {"permit_category": PERMIT_CATEGORIES, "education_level": EDUCATION_LEVELS, "end_goal": END_GOALS}
BOOL_FIELDS = ("settled_by_agreement", "interpreter_needed", "full_time_upper_secondary")
MONTH_FIELDS = ("planned_duration_months", "extension_months")
TEXT_FIELDS = {"name": 200, "language": 100, "duf_number": 12}
FACT_FIELDS = (*DATE_FIELDS, *CHOICE_FIELDS, *BOOL_FIELDS, *MONTH_FIELDS, *TEXT_FIELDS, "national_id")

FIELD_LABELS = {
    "birth_date": pgettext_lazy("participant fact", "birth date"),
    "permit_date": pgettext_lazy("participant fact", "permit date"),
    "settlement_date": pgettext_lazy("participant fact", "settlement date"),
    "mapping_date": pgettext_lazy("participant fact", "mapping date"),
    "decision_date": pgettext_lazy("participant fact", "decision date"),
    "programme_start": pgettext_lazy("participant fact", "programme start"),
    "permit_category": pgettext_lazy("participant fact", "permit"),
    "education_level": pgettext_lazy("participant fact", "education level"),
    "end_goal": pgettext_lazy("participant fact", "end goal"),
    "planned_duration_months": pgettext_lazy("participant fact", "duration"),
    "extension_months": pgettext_lazy("participant fact", "extension"),
    "national_id": pgettext_lazy("participant fact", "national identity number"),
    "name": pgettext_lazy("participant fact", "name"),
    "language": pgettext_lazy("participant fact", "language"),
    "duf_number": pgettext_lazy("participant fact", "DUF number"),
}

MAX_MONTHS = 120


def national_id_check(national_id: str, birth_date: datetime.date | None) -> str:
    """A valid fødselsnummer or D-nummer (digits only) matching ``birth_date``, or ``""`` if empty.

    Raises ``ApplicationError`` on wrong length, check digits, or a birth date that does not match.
    """
    value = fodselsnummer.compact(national_id or "")
    if not value:
        return ""
    try:
        fodselsnummer.validate(value)
        born = fodselsnummer.get_birth_date(value)
    except StdnumError:
        raise ApplicationError(
            _("Invalid national identity number or D number (11 digits with correct check digits)."),
            field="national_id",
        ) from None
    if birth_date is not None and born != birth_date:
        raise ApplicationError(_("The national identity number does not match the birth date."), field="national_id")
    return value


def facts_clean(values: dict) -> dict:
    """Check and normalise the facts given (only those keys); raise ``ApplicationError`` on the first bad one."""
    unknown = set(values) - set(FACT_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s"), params={"fields": ", ".join(sorted(unknown))})
    cleaned: dict = {}
    today = timezone.localdate()
    for name, value in values.items():
        if name in DATE_FIELDS:
            if value is not None and type(value) is not datetime.date:
                raise ApplicationError(_("Invalid %(field)s."), field=name, params={"field": FIELD_LABELS[name]})
        elif name in CHOICE_FIELDS:
            value = value or ""
            if value and value not in CHOICE_FIELDS[name]:
                raise ApplicationError(
                    _("Unknown %(field)s: «%(value)s»."),
                    field=name,
                    params={"field": FIELD_LABELS[name], "value": value},
                )
        elif name in BOOL_FIELDS:
            if value is not None and type(value) is not bool:
                raise ApplicationError(_("Invalid yes/no value."), field=name)
        elif name in MONTH_FIELDS:
            if value is not None and (type(value) is not int or not 0 <= value <= MAX_MONTHS):
                raise ApplicationError(
                    _("%(field)s must be 0–%(max)s months."),
                    field=name,
                    params={"field": str(FIELD_LABELS[name]).capitalize(), "max": MAX_MONTHS},
                )
        elif name in TEXT_FIELDS:
            value = (value or "").strip()
            if len(value) > TEXT_FIELDS[name]:
                raise ApplicationError(
                    _("%(field)s is too long."), field=name, params={"field": str(FIELD_LABELS[name]).capitalize()}
                )
        cleaned[name] = value
    if "national_id" in cleaned:
        cleaned["national_id"] = national_id_check(cleaned["national_id"], cleaned.get("birth_date"))
        if cleaned["national_id"] and cleaned.get("birth_date") is None:
            cleaned["birth_date"] = fodselsnummer.get_birth_date(cleaned["national_id"])  # D-nummer too
    birth = cleaned.get("birth_date")
    if birth is not None and birth > today:
        raise ApplicationError(_("The birth date is in the future."), field="birth_date")
    if birth is not None:
        for name in DATE_FIELDS[1:]:
            if cleaned.get(name) is not None and cleaned[name] < birth:
                raise ApplicationError(
                    _("%(field)s is before the birth date."),
                    field=name,
                    params={"field": str(FIELD_LABELS[name]).capitalize()},
                )
    return cleaned
