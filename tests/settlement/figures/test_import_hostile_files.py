"""The settlement import refuses hostile files with a Norwegian message naming the limit, and reads a workbook
that declares a huge dimension as what it holds, with memory bounded (tracemalloc, never time)."""

import tracemalloc

import pytest

from integrering.settlement.figures import imports
from tests.tabular.workbooks import csv_of_size, sheet_xml, text_row, workbook, zip_bomb

MB = 1024 * 1024


def planned_with_peak(county, content: bytes, filename: str):
    tracemalloc.start()
    try:
        plan = imports.import_plan(county=county, year=2024, content=content, filename=filename)
        return plan, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
def test_a_workbook_declaring_a_huge_dimension_is_read_as_what_it_holds(county):
    rows = text_row(1, "kommunenummer", "anmodet") + text_row(2, "5001", "140") + text_row(3, "5006", "33")
    plan, peak = planned_with_peak(county, workbook(sheet_xml(rows, dimension="A1:XFD20001")), "tall.xlsx")
    assert plan.errors == []
    assert sorted(municipality.number for municipality, _ in plan.rows) == ["5001", "5006"]
    assert peak < 50 * MB


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_naming_the_limit(county):
    plan, peak = planned_with_peak(county, zip_bomb(), "tall.xlsx")
    assert plan.errors == [
        "En del av arbeidsboken (xl/worksheets/sheet1.xml) blir større enn grensen på 256 MB når den pakkes ut."
    ]
    assert peak < 50 * MB


@pytest.mark.django_db
def test_a_csv_over_the_size_limit_is_refused_naming_the_limit(county):
    content = csv_of_size(b"kommunenummer;anmodet\n", b"5001;140\n", 21)
    plan, _ = planned_with_peak(county, content, "tall.csv")
    assert plan.errors == ["Filen er større enn grensen på 20 MB."]
