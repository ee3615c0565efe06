"""Readable charts: labelled axes, a viewBox that scales, a year without figures drawn as a gap with a note (never
as 0), and a table with the same figures for each chart."""

import re

from integrering.municipalities.models import Municipality
from integrering.settlement.charts import bars
from integrering.settlement.models import SettlementFigure, SettlementYear


def test_a_missing_year_is_a_gap_not_a_zero():
    items, missing = bars.with_gaps(
        [("2021", {"requested": 10, "decided": 5, "settled": 1}), ("2024", {"requested": 8, "decided": None})]
    )
    assert [item[0] for item in items] == ["2021", "2022", "2023", "2024"] and missing == ["2022", "2023"]
    chart = bars.vertical_bars(items)
    gap = chart.groups[1]
    assert gap.gap and gap.bars == []  # no bar at all, not a bar of height 0
    assert not chart.groups[0].gap and len(chart.groups[0].bars) == 3


def test_a_year_whose_figures_are_all_unknown_is_a_gap_too():
    items, missing = bars.with_gaps([("2026", {"requested": 5}), ("2027", {"requested": None, "settled": None})])
    assert missing == ["2027"] and items[-1][3] is True


def test_the_axes_are_labelled():
    vertical = bars.vertical_bars([("2021", {"requested": 10})])
    horizontal = bars.horizontal_bars([("Trondheim", {"requested": 10})])
    assert (str(vertical.x_label), str(vertical.y_label)) == ("År", "Personer")
    assert str(horizontal.x_label) == "Personer"


def test_the_page_draws_gaps_with_a_note_and_has_a_table_for_each_chart(county, adviser, client_for):
    trondheim = Municipality.objects.get(number="5001")
    for year, requested in ((2021, 100), (2024, 80)):
        settlement_year = SettlementYear.objects.create(county=county, year=year)
        SettlementFigure.objects.create(settlement_year=settlement_year, municipality=trondheim, requested=requested)
    page = client_for(adviser).get("/bosetting/2024/diagram/?kommune=5001").content.decode()
    county_part = page.split('id="fylket"', 1)[1].split("</section>", 1)[0]
    assert "Ingen tall for 2022, 2023: vist som hull, ikke som 0." in county_part
    assert county_part.count('class="gap-note"') == 2
    assert ">Personer</text>" in county_part and ">År →</text>" in county_part
    assert re.search(
        r"<svg class=\"bar-chart\" width=\"[\d.]+\" height=\"[\d.]+\" viewBox=\"0 0 [\d.]+ [\d.]+\"", county_part
    )
    # The table alternative: the same years, the missing ones with «–».
    table = county_part[county_part.index('id="fylket-tabell"') :]
    assert table.index(">2021<") < table.index(">2022<") < table.index(">2024<")
    assert 'aria-describedby="fylket-tabell"' in county_part
    assert page.count("<details><summary>Diagrammet som tabell</summary>") == 3
    municipality_part = page.split('id="en-kommune"', 1)[1]
    assert "Ingen tall for 2022, 2023" in municipality_part
