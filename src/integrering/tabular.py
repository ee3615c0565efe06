"""Reading uploaded tables: CSV (``,``, ``;`` or tab; UTF-8 with or without BOM, or Windows-1252 as
Norwegian Excel saves it) and XLSX (the first sheet). Pure Python, no Django: the allocation engine, the
settlement import and the participant import all read files through here.
"""

import csv
import io


class TableFileError(ValueError):
    """The file cannot be read as a table at all (not CSV or XLSX, a broken workbook)."""


def is_xlsx(content: bytes, filename: str) -> bool:
    return filename.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK"


def read_rows(content: bytes, filename: str) -> list[list]:
    """The file's rows, header first, as lists of cell values (str for CSV; str, int, float, date or None for XLSX)."""
    if is_xlsx(content, filename):
        return _read_xlsx(content)
    return _read_csv(content)


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if ";" in first and first.count(";") >= first.count(",") else ","
    if "\t" in first and delimiter not in first:
        delimiter = "\t"
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _read_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of error on a broken file
        raise TableFileError("Filen kunne ikke leses som et Excel-ark (XLSX).") from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
