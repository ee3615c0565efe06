"""Exports of the year's figures (CSV, XLSX, PDF): one row per municipality and a total row.

- CSV: ``;``-separated, UTF-8 with BOM, unknown values as empty cells (the writers are in ``settlement/tables.py``).
- XLSX: the same rows and columns on the first sheet, numbers as numbers, unknown values as
  empty cells; a note on a total cell says how many values of the column are unknown. A second sheet,
  «Kilder», has the date and source document of each municipality's figures (not in the public variant).
- PDF: WeasyPrint from an HTML template.

The public variant (``public=True``) shows the numbers 1–4 as «<5» (the convention for published
figures about few persons). 0 stays 0: «said no» reveals nothing about persons. A column's total is
left out (shown as «:», SSB's sign for «suppressed») when exactly one value in the column is
suppressed, since the total would then reveal it.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from integrering.core.pdf import html_pdf
from integrering.settlement.figures import selectors
from integrering.settlement.figures.sources import DETAIL_COLUMNS
from integrering.settlement.tables import Table, table_csv, table_xlsx
from integrering.settlement.years.models import SettlementYear

SETTLEMENT_COLUMNS = [
    ("anbefalt", "recommended"),
    ("anmodet", "requested"),
    ("anmodet_ema", "requested_ema"),
    ("vedtatt", "decided"),
    ("vedtatt_ema", "decided_ema"),
    ("bosatt", "settled"),
    ("bosatt_ema", "settled_ema"),
    ("avtalt_ikke_bosatt", "agreed_not_settled"),
    # Last, so that files in the earlier layout keep their columns: of the recommended, unaccompanied minors
    # (the frozen recommendation's; the import leaves it alone, only a new version of the recommendation sets it).
    ("anbefalt_ema", "recommended_ema"),
    ("opprinnelig_anmodet", "original_requested"),  # last: the earlier columns keep their places
]
HEADER = ["kommunenummer", "kommune", *[c for c, _ in SETTLEMENT_COLUMNS]]
SUPPRESSED = "<5"
SUPPRESSED_TOTAL = ":"


def _public(value: int | None) -> int | str | None:
    return SUPPRESSED if value is not None and 1 <= value <= 4 else value


def settlement_table(settlement_year: SettlementYear, *, public: bool = False) -> Table:
    """One row per municipality of the county valid that year, then the total row («Sum»)."""
    rows = selectors.year_rows(settlement_year)
    totals = selectors.totals(rows)
    title = _("Settlement %(county)s %(year)s") % {"county": settlement_year.county.name, "year": settlement_year.year}
    table = Table(HEADER, [], title=title)
    for row in rows:
        figures = [row.value(name) for _, name in SETTLEMENT_COLUMNS]
        cells: list[int | str | None] = [_public(v) for v in figures] if public else list(figures)
        table.rows.append([row.municipality.number, row.name, *cells])
    total_row: list[int | str | None] = [
        "",
        _("Sum"),
    ]  # «Sum»: the import skips it (a total row), so an export imports back
    for index, (_column, name) in enumerate(SETTLEMENT_COLUMNS, start=2):
        total = totals[name]
        value: int | str | None = total.sum
        if public and sum(1 for r in table.rows if r[index] == SUPPRESSED) == 1:
            value = SUPPRESSED_TOTAL
        total_row.append(value)
        if total.unknown:
            table.notes[(len(rows), index)] = _("%(unknown)s of %(count)s values are unknown") % {
                "unknown": total.unknown,
                "count": total.count,
            }
    table.rows.append(total_row)
    return table


def sources_table(settlement_year: SettlementYear) -> Table:
    """The date and source document of each municipality's figures (the XLSX export's second sheet, «Kilder»),
    in the import's column names, so that the sheet can be filled in and imported as a file of its own."""
    table = Table(["kommunenummer", "kommune", *DETAIL_COLUMNS], [], title=_("Sources"))
    for row in selectors.year_rows(settlement_year):
        cells = [getattr(row.figure, name) if row.figure else None for name in DETAIL_COLUMNS.values()]
        table.rows.append([row.municipality.number, row.name, *cells])
    return table


def settlement_pdf(settlement_year: SettlementYear, *, public: bool = False) -> bytes:
    table = settlement_table(settlement_year, public=public)
    html = render_to_string(
        "settlement/figures/export_pdf.html",
        {
            "settlement_year": settlement_year,
            "table": table,
            "public": public,
            "total_row": table.rows[-1],
            "body": table.rows[:-1],
            "total_notes": {c: note for (r, c), note in table.notes.items()},
        },
    )
    return html_pdf(html)


FORMATS = {
    "csv": ("text/csv; charset=utf-8", lambda y, public: table_csv(settlement_table(y, public=public))),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda y, public: table_xlsx(
            settlement_table(y, public=public),
            sheet=_("Settlement"),
            more=() if public else ((_("Sources"), sources_table(y)),),
        ),
    ),
    "pdf": ("application/pdf", lambda y, public: settlement_pdf(y, public=public)),
}


def settlement_export(settlement_year: SettlementYear, *, fmt: str, public: bool = False) -> tuple[bytes, str, str]:
    """(content, content type, file name) for the year's figures in ``fmt`` (csv, xlsx, pdf)."""
    content_type, build = FORMATS[fmt]
    suffix = "-offentlig" if public else ""
    filename = f"bosetting-{settlement_year.county.number}-{settlement_year.year}{suffix}.{fmt}"
    return build(settlement_year, public), content_type, filename
