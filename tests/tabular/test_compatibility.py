"""What the callers relied on before the package existed: read_rows of CSV and XLSX, one error type."""

import io

import pytest
from openpyxl import Workbook

from integrering.tabular import TableError, read_rows


def test_semicolon_csv_with_a_bom_is_read():
    assert read_rows("\ufeffkommunenummer;navn\n5001;Trondheim\n".encode(), "a.csv") == [
        ["kommunenummer", "navn"],
        ["5001", "Trondheim"],
    ]


def test_comma_csv_is_read():
    assert read_rows(b"a,b\n1,2\n", "a.csv")[1] == ["1", "2"]


def test_windows_1252_keeps_norwegian_letters():
    assert read_rows("navn\nSnåsa\n".encode("cp1252"), "a.csv")[1] == ["Snåsa"]


def test_xlsx_first_sheet_is_read_with_typed_cells():
    workbook = Workbook()
    workbook.active.append(["kommunenummer", "anmodet"])
    workbook.active.append(["5001", 140])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_rows(buffer.getvalue(), "tall.xlsx") == [["kommunenummer", "anmodet"], ["5001", 140]]


def test_a_broken_workbook_is_a_clear_error():
    with pytest.raises(TableError) as refused:
        read_rows(b"PK\x03\x04 not really a zip", "tall.xlsx")
    assert refused.value.code == "xlsx_broken"
