"""Upper bounds on the numbers a user can enter, import or store for settlement.

Every figure (recommended, requested, decided, settled …), the year's frame and a scenario's total,
minimum lot, fixed numbers, minimums and caps are numbers of persons. No county settles anywhere near
a million refugees in a year (Norway as a whole settled about 5 000 in 2021), so 1 000 000 rejects a
mistyped number with a clear message long before it could overflow a database integer column
(PostgreSQL's ``integer`` ends at 2 147 483 647) or the distribution engine's own limit (10^9).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.settlement.errors import InvalidFigures

MAX_PERSONS = 1_000_000
MAX_PERSONS_TEXT = "1\u00a0000\u00a0000"  # as the user reads it: «1 000 000»
MAX_WEIGHT = 1000  # weights are relative; larger ones only risk overflow in the engine


# The names users know from the files (import and export: identifiers, not translated) and the frame.
PERSON_LABELS = {
    "recommended": "anbefalt",
    "requested": "anmodet",
    "requested_ema": "anmodet_ema",
    "decided": "vedtatt",
    "decided_ema": "vedtatt_ema",
    "settled": "bosatt",
    "settled_ema": "bosatt_ema",
    "agreed_not_settled": "avtalt_ikke_bosatt",
    "total": gettext_lazy("the frame"),
    "total_minors": gettext_lazy("the frame for unaccompanied minors"),
}


def persons_check(values: dict, names) -> None:
    """Numbers of persons are whole, 0 or more and at most a million: :class:`InvalidFigures` otherwise."""
    for name in names:
        value = values.get(name)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_PERSONS):
            raise InvalidFigures(
                gettext_lazy("«%(label)s» must be a whole number from 0 to %(limit)s."),
                params={"label": PERSON_LABELS[name], "limit": MAX_PERSONS_TEXT},
                field=name,
            )


def _too_large_message() -> str:
    return _("Cannot be larger than %(limit)s.") % {"limit": MAX_PERSONS_TEXT}


_too_large = lazy(_too_large_message, str)  # in the language of the request that shows it


def persons_field(field):
    """Limit a form's integer field to 0 … MAX_PERSONS with a Norwegian message (replaces the model's range)."""
    field.min_value, field.max_value = 0, MAX_PERSONS
    field.validators = [MinValueValidator(0), MaxValueValidator(MAX_PERSONS)]
    field.error_messages["max_value"] = _too_large()
    field.widget.attrs.update(min=0, max=MAX_PERSONS)
    return field
