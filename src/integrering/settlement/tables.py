"""Table writers shared by the settlement exports (the year's figures, the recommendation).

- CSV: ``;``-separated (for Norwegian Excel), UTF-8 with BOM, unknown values (None) as empty cells.
- XLSX (xlsxwriter): a bold header, numbers as numbers, dates as dates (dd.mm.åååå), empty cells for
  unknown, notes as cell comments; further sheets as asked.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field


@dataclass
class Table:
    """A header, rows of cells (str, int or None = unknown) and notes per (row index, column index)."""

    header: list[str]
    rows: list[list]
    title: str = ""
    notes: dict[tuple[int, int], str] = field(default_factory=dict)


def table_csv(table: Table) -> bytes:
    """``;``-separated UTF-8 with BOM; None → empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(table: Table, *, sheet: str = "Bosetting", more: tuple[tuple[str, Table], ...] = ()) -> bytes:
    """The table on the first sheet (``more``: further sheets): bold header, numbers as numbers, dates as
    dates (dd.mm.åååå), empty cells for unknown, notes as cell comments."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = {"bold": workbook.add_format({"bold": True}), "date": workbook.add_format({"num_format": "dd.mm.yyyy"})}
    for name, sheet_table in ((sheet, table), *more):
        _sheet_write(workbook.add_worksheet(name[:31]), sheet_table, formats)
    workbook.close()
    return buffer.getvalue()


def _sheet_write(worksheet, table: Table, formats: dict) -> None:
    for col, name in enumerate(table.header):
        worksheet.write_string(0, col, name, formats["bold"])
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row):
            if cell is None or cell == "":
                worksheet.write_blank(r, c, None)
            elif isinstance(cell, datetime.date):
                worksheet.write_datetime(r, c, datetime.datetime.combine(cell, datetime.time()), formats["date"])
            elif isinstance(cell, int | float):
                worksheet.write_number(r, c, cell)
            else:
                worksheet.write_string(r, c, str(cell))
    for (r, c), note in table.notes.items():
        worksheet.write_comment(r + 1, c, note)
    worksheet.set_column(0, 0, 14)
    worksheet.set_column(1, 1, 28)
    worksheet.set_column(2, len(table.header) - 1, 12)
    worksheet.freeze_panes(1, 0)
