"""The import preview in short: «2 nye, 1 endret, 3 uendret», the new and changed municipalities first with their
changes, the unchanged ones collapsed; and one mapping of file columns for our files and IMDi's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.settlement.figures import imdi, imports, services
from integrering.settlement.figures.models import FIGURE_FILE_COLUMNS
from integrering.settlement.figures.preview import import_preview
from integrering.settlement.models import SettlementYear

STORED = "kommunenummer;anmodet\n5001;140\n5006;33\n5007;20\n5014;10\n"
FILE = "kommunenummer;anmodet\n5001;140\n5006;35\n5007;20\n5020;8\n5014;10\n5021;4\n"


@pytest.fixture
def stored(county):
    SettlementYear.objects.create(county=county, year=2024)
    result = imports.import_plan(county=county, year=2024, content=STORED.encode(), filename="tall.csv")
    services.figures_apply(county=county, year=2024, rows=result.rows)


def test_the_preview_counts_new_changed_and_unchanged_and_lists_the_changes_first(county, stored):
    plan = imports.import_plan(county=county, year=2024, content=FILE.encode(), filename="tall.csv")
    preview = import_preview(plan)
    assert (preview.new_count, preview.changed_count, len(preview.unchanged)) == (2, 1, 3)
    assert preview.summary == "2 nye, 1 endret, 3 uendret"
    assert [(r.municipality.number, r.new) for r in preview.changed] == [
        ("5020", True),
        ("5021", True),
        ("5006", False),
    ]
    assert [(c.old, c.new) for c in preview.changed[2].changes] == [(33, 35)]
    assert [m.number for m in preview.unchanged] == ["5001", "5007", "5014"]


def test_the_summary_uses_the_singular_and_plural(county, stored):
    plan = imports.import_plan(county=county, year=2024, content=STORED.encode(), filename="tall.csv")
    assert import_preview(plan).summary == "0 nye, 0 endret, 4 uendret"
    plan = imports.import_plan(county=county, year=2024, content=b"kommunenummer;anmodet\n5020;1\n", filename="a.csv")
    assert import_preview(plan).summary == "1 ny, 0 endret, 0 uendret"


def test_the_import_page_shows_the_summary_the_changes_and_the_unchanged_collapsed(county, stored, adviser, client_for):
    upload = SimpleUploadedFile("tall.csv", FILE.encode(), content_type="text/csv")
    page = client_for(adviser).post("/bosetting/2024/import/", {"file": upload}).content.decode()
    assert "2 nye, 1 endret, 3 uendret" in page
    changes = page[page.index("import-changes") : page.index("</table>", page.index("import-changes"))]
    assert changes.index("Osen") < changes.index("Oppdal") < changes.index("Steinkjer")  # new first
    assert "Trondheim" not in changes
    unchanged = page[page.index('<details class="import-unchanged">') :]
    assert "3 kommuner uendret" in unchanged and "Trondheim" in unchanged


def test_our_files_and_imdis_long_format_share_one_column_mapping():
    assert imports.COLUMNS is FIGURE_FILE_COLUMNS
    assert not hasattr(imdi, "_FILE_COLUMN")
    assert set(imdi.FIELDS.values()) <= set(FIGURE_FILE_COLUMNS.values())
