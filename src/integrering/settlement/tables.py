"""The settlement exports' tables (the year's figures, their sources, the recommendation), written through the
one pair of writers in :mod:`integrering.tabular`:

- CSV (:func:`~integrering.tabular.write_csv`): ``;``-separated (for Norwegian Excel), UTF-8 with BOM, unknown
  values (None) as empty cells, dates ``dd.mm.åååå``;
- XLSX (:func:`~integrering.tabular.write_xlsx`): a bold, frozen header, numbers as numbers, dates as dates, empty
  cells for unknown, notes as cell comments; further sheets as asked.

Both write text that a spreadsheet could take for a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first)
so that it shows as text and never runs (a municipality name, a source or a reference typed by a user).
"""

from dataclasses import dataclass, field

from integrering.tabular import Sheet, write_csv, write_xlsx

WIDTHS = (14, 28)  # number, name; the other columns 12


@dataclass
class Table:
    """A header, rows of cells (str, int, date or None = unknown) and notes per (row index, column index)."""

    header: list[str]
    rows: list[list]
    title: str = ""
    notes: dict[tuple[int, int], str] = field(default_factory=dict)


def table_csv(table: Table) -> bytes:
    """``;``-separated UTF-8 with BOM; None → empty cell; formula-like text made safe."""
    content = write_csv(table.header, table.rows)
    assert content is not None
    return content


def _sheet(name: str, table: Table) -> Sheet:
    widths = [*WIDTHS, *[12] * max(0, len(table.header) - len(WIDTHS))][: len(table.header)]
    return Sheet(name, table.header, table.rows, widths=widths, notes=table.notes)


def table_xlsx(table: Table, *, sheet: str = "Bosetting", more: tuple[tuple[str, Table], ...] = ()) -> bytes:
    """The table on the first sheet (``more``: further sheets), through the formula-safe XLSX writer."""
    content = write_xlsx([_sheet(sheet, table), *(_sheet(name, extra) for name, extra in more)])
    assert content is not None
    return content
