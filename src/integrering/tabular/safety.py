"""Formula-safe text cells (CSV/formula injection, OWASP «CSV Injection»).

A spreadsheet runs a cell as a formula when its text starts with ``=``, ``+``, ``-`` or ``@`` (and, through the way
it splits and trims input, with a tab or a carriage return in front of one). An export must never let a participant's
name such as ``=HYPERLINK("http://…")`` or ``-2+3`` become a formula on a counsellor's machine.

Which text is dangerous: the OWASP characters ``= + - @``, tab and carriage return, and beyond OWASP the line feed,
the full-width forms ``＝ ＋ － ＠`` (which some spreadsheets accept as their ASCII twins) and any of these after
leading spaces (a spreadsheet may trim them first).

How it is made safe:

- **CSV**: the text is prefixed with ``'`` (the only means a CSV has; a spreadsheet shows the apostrophe, and
  :func:`formula_prefix_remove` takes it off again when such a file is imported back).
- **XLSX**: the cell is always written with ``write_string`` (a string cell can never be a formula; ``write()``
  may store one) **and** with the cell style's *quote prefix* (``quotePrefix="1"``), which is what Excel itself
  records when a user types ``'=…``: the text is shown exactly, without an apostrophe, and stays text when the user
  edits the cell and presses Enter. The value is not changed, so reading the workbook back gives the original text.

Numbers (``int``, ``Decimal``, ``float``) are written as numbers: a negative *number* is a number, not text.
"""

from __future__ import annotations

from typing import Final

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
LEADING_SPACE: Final = " \u00a0\u2007\u202f"
CSV_TEXT_PREFIX: Final = "'"


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula (see the module's docstring)."""
    return text.startswith(FORMULA_TRIGGERS) or text.lstrip(LEADING_SPACE).startswith(FORMULA_TRIGGERS)


def _needs_prefix(text: str) -> bool:
    # Text that already starts with apostrophes before a formula gets one more, so that removing one on import
    # gives back exactly what was exported («'=1» is written «''=1» and read back as «'=1»).
    return is_formula_like(text.lstrip(CSV_TEXT_PREFIX))


def csv_text(text: str) -> str:
    """``text`` as it is written to a CSV cell: prefixed with ``'`` when it looks like a formula."""
    return CSV_TEXT_PREFIX + text if _needs_prefix(text) else text


def formula_prefix_remove(text: str) -> str:
    """The original text of a CSV cell written by :func:`csv_text` (``'=1`` → ``=1``); other text unchanged.

    Used when a file this application exported is imported again: the apostrophe was added by the export.
    ``formula_prefix_remove(csv_text(t)) == t`` for every text ``t``.
    """
    if text.startswith(CSV_TEXT_PREFIX) and _needs_prefix(text):
        return text[1:]
    return text
