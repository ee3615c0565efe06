"""activities-report, the annual report's «regional» section and the metric come from one selector."""

import datetime
import io
import json

from django.core.management import call_command

from integrering.core.registry import linkable_kind, metric, report_sections
from integrering.regional.activities.services import activity_create
from integrering.regional.areas import Area
from integrering.regional.report import activities_report


def test_the_csv_has_the_columns_and_one_row_per_activity(activity, tmp_path):
    output = tmp_path / "a.csv"
    call_command(
        "activities-report",
        "--county",
        "50",
        "--year",
        "2025",
        "--format",
        "csv",
        "--output",
        str(output),
        stderr=io.StringIO(),
    )
    lines = output.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "dato;tittel;type;omrader;kommuner;organisasjoner;deltakere;status"
    assert lines[1] == "04.03.2025;Nettverkssamling for flyktningtjenesten;Nettverksmøte;2;5001,5006;;15;Planlagt"
    assert len(lines) == 2


def test_the_json_has_rows_per_area_and_municipalities_reached(activity, county, adviser):
    activity_create(
        county=county,
        user=adviser,
        areas=[Area.SOCIAL_CONTROL, Area.GUIDANCE],
        title="Kurs",
        activity_type="course",
        start_date=datetime.date(2025, 6, 1),
        municipalities=[activity.municipalities.get(number="5001")],
    )
    out = io.StringIO()
    call_command("activities-report", "--county", "50", "--year", "2025", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"rows", "per_area", "municipalities_reached"}
    assert len(data["rows"]) == 2 and data["rows"][0]["dato"] == "2025-03-04"
    assert data["per_area"]["2"]["activities"] == 2 and data["per_area"]["3"]["activities"] == 1
    assert data["municipalities_reached"] == 2


def test_the_annual_report_section_and_the_metric_use_the_same_selector(activity, county):
    section = next(s for s in report_sections() if s.key == "regional")
    built = section.build(county=county, year=2025)
    assert built["municipalities_reached"] == activities_report(county=county, year=2025)["municipalities_reached"]
    assert section.build(county=county, year=2019) is None
    assert metric("regional.municipalities_reached").compute(county=county, year=2025) == 2
    assert metric("regional.municipalities_reached").compute(county=county, year=2019) is None


def test_activities_are_linkable_for_plan_measures(activity, county):
    kind = linkable_kind("regional.activity")
    assert (activity.pk, "04.03.2025 Nettverkssamling for flyktningtjenesten") in kind.options(county=county)
    assert kind.describe(county=county, ids=[activity.pk, 999999]) == {
        activity.pk: ("04.03.2025 Nettverkssamling for flyktningtjenesten", f"/regionalt/aktiviteter/{activity.pk}/")
    }
