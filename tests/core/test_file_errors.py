"""Errors of uploaded tables in Norwegian: every message of the pure tabular package is translated, numbers and
dates are written the Norwegian way, and the place (row, column) comes first."""

import datetime

from django.utils.translation import gettext, override

from integrering.core.file_errors import table_error_message, table_error_messages
from integrering.tabular import MESSAGES, PLACES, CellError, InvalidTable, LimitExceeded, TableError, UnreadableFile


def test_every_message_and_place_of_the_tabular_package_has_a_bokmal_translation():
    with override("nb"):
        untranslated = [text for text in [*MESSAGES.values(), *PLACES.values()] if gettext(text) == text]
    assert untranslated == []


def test_a_limit_is_named_with_a_norwegian_number():
    error = LimitExceeded("too_many_rows", limit="max_rows", limit_value=200_000, row=200_002)
    with override("nb"):
        assert table_error_message(error) == (
            "Rad 200\xa0002: Filen har flere rader under overskriftsraden enn grensen på 200\xa0000."
        )


def test_the_file_size_limit_is_given_in_megabytes():
    error = LimitExceeded("file_too_large", limit="max_bytes", limit_value=20 * 1024 * 1024, params={"limit_mb": 20})
    with override("nb"):
        assert table_error_message(error) == "Filen er større enn grensen på 20 MB."


def test_a_cell_error_names_its_row_and_column_and_dates_are_dd_mm_yyyy():
    error = CellError(
        "date_too_late", params={"value": datetime.date(2031, 1, 1), "limit": datetime.date(2030, 12, 31)}
    )
    error.located(row=7, column="fødselsdato")
    with override("nb"):
        assert table_error_message(error) == "Rad 7, kolonne «fødselsdato»: Datoen 01.01.2031 er etter 31.12.2030."


def test_an_invalid_table_lists_each_error_and_how_many_more_there_are():
    errors = [TableError("missing_column", row=1, params={"header": "referanse"}), UnreadableFile("xlsx_broken")]
    with override("nb"):
        assert table_error_messages(InvalidTable(errors, more=1_500)) == [
            "Rad 1: Filen mangler kolonnen «referanse».",
            "Filen kunne ikke leses som et Excel-ark (XLSX).",
            "1\xa0500 feil til er ikke vist.",
        ]
