"""Each section of the annual report equals its source export on the demo data (one source of truth)."""

import csv
import io
import json

import pytest

from integrering.core.registry import metric
from integrering.plans.annual_report.builder import annual_report_build
from integrering.plans.annual_report.render import annual_report_render


@pytest.fixture
def demo(county):
    from integrering.accounts.demo import demo_data_load

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    return county


def _export_sum_row(tmp_path, year: int) -> dict:
    from django.core.management import call_command

    out = tmp_path / "bosetting.csv"
    call_command("export-settlement", county="50", year=year, fmt="csv", output=str(out), stdout=io.StringIO())
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    header, total = rows[0], rows[-1]
    assert total[1] == "Sum"
    return {name: int(value) if value else None for name, value in zip(header[2:], total[2:], strict=True)}


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_the_settlement_section_equals_the_sum_row_of_export_settlement(demo, tmp_path, year):
    section = annual_report_build(county=demo, year=year)["sections"]["settlement"]
    assert section["data"] is not None
    assert section["data"]["sum"] == _export_sum_row(tmp_path, year)


def test_the_guidance_section_equals_the_rows_of_guidance_report(demo):
    from django.core.management import call_command

    year = 2025
    section = annual_report_build(county=demo, year=year)["sections"]["guidance"]["data"]
    out = io.StringIO()
    call_command("guidance-report", county="50", date=section["date"], format="json", stdout=out)
    rows = json.loads(out.getvalue())
    assert section["participants"] == len(rows)
    assert section["in_target_group"] == sum(1 for r in rows if r["i_malgruppe"] == "ja")
    assert section["right_and_duty_career_guidance"] == sum(
        1 for r in rows if r["rett_og_plikt_karriereveiledning"] == "ja"
    )
    codes = [code for r in rows for code in r["funn"].split("|") if code]
    assert sum(section["findings"].values()) == len(codes)


def test_a_year_without_data_says_so_and_is_never_zeros(demo):
    report = annual_report_build(county=demo, year=2010)
    for key in ("settlement", "guidance", "grants", "regional", "plan"):
        assert report["sections"][key]["data"] is None
        assert "2010" in report["sections"][key]["note"]


def test_the_json_has_the_five_sections(demo):
    body = json.loads(annual_report_render(annual_report_build(county=demo, year=2025), "json"))
    assert {"settlement", "guidance", "grants", "regional", "plan"} <= body.keys()
    assert body["plan"]["data"]["measures"] >= 20


def test_the_automatic_indicators_compute_from_the_same_figures(demo, tmp_path):
    total = _export_sum_row(tmp_path, 2022)
    share = metric("settlement.settled_share").compute(county=demo, year=2022)
    assert share == round(100 * total["bosatt"] / total["anmodet"], 1)
    assert metric("settlement.settled_share").compute(county=demo, year=2010) is None


def test_the_annual_report_command_writes_json_pdf_and_docx(demo, tmp_path):
    from django.core.management import call_command

    for fmt, start in (("json", b"{"), ("pdf", b"%PDF"), ("docx", b"PK")):
        out = tmp_path / f"r.{fmt}"
        call_command("annual-report", county="50", year=2023, format=fmt, output=str(out), stdout=io.StringIO())
        assert out.read_bytes().startswith(start)


def test_a_leader_downloads_the_annual_report_and_edits_an_introduction(demo, client_for):
    from integrering.core.models import User

    client = client_for(User.objects.get(username="leder"))
    response = client.post("/planer/arsrapport/?aar=2023", {"section": "settlement", "text": "Et godt år."})
    assert response.status_code == 302
    body = json.loads(client.get("/planer/arsrapport/2023.json").content)
    assert body["settlement"]["introduction"] == "Et godt år."
    assert client.get("/planer/arsrapport/2023.docx").status_code == 200


def _years_with(model_years) -> list[int]:
    years = sorted(set(model_years))
    assert years, "the demo data has no year for this section"
    return years


def test_the_grants_section_equals_the_sum_row_of_grants_report(demo, tmp_path):
    from django.core.management import call_command

    from integrering.grants.applications.models import Application

    years = _years_with(
        Application.objects.for_county(demo).exclude(status="utkast").values_list("call__year", flat=True)
    )
    for year in years:
        section = annual_report_build(county=demo, year=year)["sections"]["grants"]["data"]
        out = tmp_path / f"tilskudd-{year}.json"
        call_command("grants-report", county="50", year=str(year), format="json", output=str(out), stderr=io.StringIO())
        report = json.loads(out.read_text(encoding="utf-8"))
        assert report["sum"]["ordning"] == "Sum"
        assert section["applications"] == len(report["rows"])
        assert section["sum"] == {k: report["sum"][k] for k in ("soknadsbelop", "tilsagn", "utbetalt", "tilbakebetalt")}
        per_scheme: dict = {}
        for row in report["rows"]:
            per_scheme[row["ordning"]] = per_scheme.get(row["ordning"], 0) + row["tilsagn"]
        assert {name: s["tilsagn"] for name, s in section["schemes"].items()} == per_scheme


def test_the_regional_section_equals_the_rows_of_activities_report(demo, tmp_path):
    from django.core.management import call_command

    from integrering.regional.activities.models import Activity

    years = _years_with(Activity.objects.for_county(demo).values_list("start_date__year", flat=True))
    for year in years:
        section = annual_report_build(county=demo, year=year)["sections"]["regional"]["data"]
        out = tmp_path / f"aktiviteter-{year}.json"
        call_command(
            "activities-report",
            county="50",
            year=str(year),
            fmt="json",
            output=str(out),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        report = json.loads(out.read_text(encoding="utf-8"))
        assert section["rows"] == report["rows"]
        assert section["per_area"] == report["per_area"]
        assert section["municipalities_reached"] == report["municipalities_reached"]
        csv_out = tmp_path / f"aktiviteter-{year}.csv"
        call_command(
            "activities-report",
            county="50",
            year=str(year),
            fmt="csv",
            output=str(csv_out),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        lines = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8-sig")), delimiter=";"))
        assert len(lines) - 1 == len(section["rows"])
        assert [line[1] for line in lines[1:]] == [row["tittel"] for row in section["rows"]]


def test_the_settlement_section_shows_the_map_of_settled_on_the_page_and_in_the_pdf(demo, client_for):
    from integrering.core.models import User
    from integrering.plans.annual_report.render import _sections

    report = annual_report_build(county=demo, year=2022)
    figure = report["figures"]["settlement"]
    rows = report["sections"]["settlement"]["data"]["per_municipality"]
    assert figure.count("<path ") == len(rows) == 38
    assert "<title>5001 Trondheim: " in figure
    assert "figure" not in json.loads(annual_report_render(report, "json"))["settlement"]  # the JSON keeps the data
    assert next(s for s in _sections(report) if s["key"] == "settlement")["figure"] == figure
    html = client_for(User.objects.get(username="leder")).get("/planer/arsrapport/?aar=2022").content.decode()
    assert "Bosatte per kommune, 2022" in html and html.count("<path ") == 38
    assert annual_report_render(report, "pdf").startswith(b"%PDF")
