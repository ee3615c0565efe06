"""Dates and source documents of imported figures.

Each group of figures has a date and a reference to the document it comes from:

| figures                                   | date (file column)            | reference (file column)                  |
|-------------------------------------------|-------------------------------|------------------------------------------|
| anmodet, anmodet_ema                      | date of the request (``anmodet_dato``) | IMDi's letter (``anmodet_kilde``) |
| vedtatt, vedtatt_ema                      | date of the council decision (``vedtatt_dato``) | its case number (``vedtatt_kilde``) |
| bosatt, bosatt_ema, avtalt_ikke_bosatt    | settled as of (``bosatt_dato``) | the statistics (``bosatt_kilde``)     |

A file can have these columns per row. Or the importer gives the *document's* date and reference once
(``--dato``/``--kilde`` on the command line, two fields in the upload form): they are stored with the
request and settled figures **that the file changes** (figures it leaves as they were keep their source).
They are not stored as a decision's date: a decision is the municipality's own, with its own date and
case number; give those per row. A per-row column wins over the document's values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from integrering.tabular import CellError, date, formula_prefix_remove

_DATE = date()

DETAIL_COLUMNS = {
    "anmodet_dato": "requested_on",
    "anmodet_kilde": "request_reference",
    "vedtatt_dato": "decided_on",
    "vedtatt_kilde": "decision_reference",
    "bosatt_dato": "settled_as_of",
    "bosatt_kilde": "settled_source",
}
DETAIL_ALIASES = {
    "anmodningsdato": "anmodet_dato",
    "anmodet_referanse": "anmodet_kilde",
    "vedtaksdato": "vedtatt_dato",
    "vedtatt_referanse": "vedtatt_kilde",
    "vedtaksreferanse": "vedtatt_kilde",
    "bosatt_per": "bosatt_dato",
}
DATE_FIELDS = {"requested_on", "decided_on", "settled_as_of"}
MAX_REFERENCE = 255

# (figures, date field, reference field); the document's date and reference go to the first and the last.
GROUPS = (
    (("requested", "requested_ema"), "requested_on", "request_reference"),
    (("decided", "decided_ema"), "decided_on", "decision_reference"),
    (("settled", "settled_ema", "agreed_not_settled"), "settled_as_of", "settled_source"),
)
DOCUMENT_GROUPS = (GROUPS[0], GROUPS[2])


@dataclass(frozen=True)
class Document:
    """The date and reference of the document a file comes from (both optional)."""

    date: datetime.date | None = None
    source: str = ""

    def __bool__(self) -> bool:
        return self.date is not None or bool(self.source)


def parse_date_text(text: str) -> datetime.date | None:
    """«14.12.2023», «1.2.2024» or «2023-12-14»; None if it is none of these (the one date parser of the
    imports, :func:`integrering.tabular.date`)."""
    try:
        return _DATE(text.strip())
    except CellError:
        return None


def parse_detail(field: str, value) -> tuple[object, str | None]:
    """A cell of a date or reference column: (value, None) or (None, Norwegian reason). Empty → unknown."""
    if field in DATE_FIELDS:
        if value is None or str(value).strip() == "":
            return None, None
        if isinstance(value, datetime.datetime):
            return value.date(), None
        if isinstance(value, datetime.date):
            return value, None
        parsed = parse_date_text(str(value))
        if parsed:
            return parsed, None
        return None, _("«%(value)s» is not a date (write dd.mm.yyyy)") % {"value": str(value).strip()}
    # The exports write a formula-like reference with a leading «'»: take it off, so a file imports back unchanged.
    text = "" if value is None else formula_prefix_remove(str(value).strip())
    if len(text) > MAX_REFERENCE:
        return None, _("the text is too long (%(length)s characters, at most %(limit)s)") % {
            "length": len(text),
            "limit": MAX_REFERENCE,
        }
    return text, None


def document_values(values: dict, stored: dict, document: Document, file_fields: set[str]) -> dict:
    """The document's date and reference for the request and settled groups whose figures this row changes,
    unless the file has the group's own date or reference column (``file_fields``)."""
    extra: dict[str, object] = {}
    if not document:
        return extra
    for figures, date_field, reference_field in DOCUMENT_GROUPS:
        if {date_field, reference_field} & file_fields:
            continue
        if not any(name in values and values[name] != stored.get(name) for name in figures):
            continue
        if document.date is not None:
            extra[date_field] = document.date
        if document.source:
            extra[reference_field] = document.source
    return extra


def document_warning(columns: list[str], detail_fields: set[str], document: Document) -> str | None:
    """A note when the document's date and reference will not be stored for the decisions in the file."""
    if (
        document
        and {"vedtatt", "vedtatt_ema"} & set(columns)
        and not {"decided_on", "decision_reference"} & detail_fields
    ):
        return _(
            "The document's date and source are not stored as the date or reference of a decision: a decision is "
            "the municipal council's own. Put them in the columns vedtatt_dato and vedtatt_kilde if needed."
        )
    return None


def display(value) -> str:
    """A value in a change list of the command line: «tom» for unknown, dates as dd.mm.åååå."""
    if value is None or value == "":
        return _("empty")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)
