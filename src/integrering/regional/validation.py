"""No individual cases: free text never holds a Norwegian national identity number.

Individual cases of negative social control belong to Kompetanseteamet (Bufdir) and IMDi's minority advisers,
not to the county. Every free-text field of this app (forms, model ``clean``, services and imports) refuses text
with 11 digits (optionally written «ddmmåå nnnnn») that pass the check digits of a fødselsnummer or D-nummer.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.no import fodselsnummer

# 11 digits not part of a longer number, with an optional space or dot after the sixth.
_CANDIDATE = re.compile(r"(?<!\d)(\d{6})[ .]?(\d{5})(?!\d)")

NATIONAL_ID_HELP = _(
    "Do not write identity numbers or anything that identifies a person: the county records activities, "
    "not individual cases (those belong to Kompetanseteamet and IMDi's minority advisers)."
)


def contains_national_id(text: Any) -> bool:
    if not text:
        return False
    return any(fodselsnummer.is_valid(a + b) for a, b in _CANDIDATE.findall(str(text)))


def no_national_id(value: Any) -> None:
    """A validator for every free-text field: refuses a value with a valid fødselsnummer/D-nummer in it."""
    if contains_national_id(value):
        raise ValidationError(
            _(
                "The text contains what looks like a national identity number. Remove it: the county records "
                "activities, never individual cases or persons."
            ),
            code="national_id",
        )


class FreeTextGuardMixin(forms.BaseForm):
    """Adds :func:`no_national_id` to every text field of the form (and its help text when it has none)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput):
                if no_national_id not in field.validators:
                    field.validators.append(no_national_id)
                if not field.help_text:
                    field.help_text = NATIONAL_ID_HELP


def full_clean_or_raise(instance: Any, *, exclude: list[str] | None = None) -> None:
    """Run the model's validation in a service; a ValidationError becomes an ApplicationError for the field."""
    from integrering.core.exceptions import ApplicationError

    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=None if field == "__all__" else field, code="invalid") from error
