"""Issue 12: `integrering grants-report` in CSV and JSON (the same rows, a Sum row), the XLSX in the UI, the annual
report's section and the metrics from the same selector, and the public list of grants without personal data."""

import datetime
import json

import pytest
from django.core.management import call_command

from integrering.core.exceptions import ApplicationError
from integrering.core.registry import linkable_kind, metric, report_sections
from integrering.core.roles import Role
from integrering.grants.assessment.services import screening_complete, screening_reject
from integrering.grants.decisions.services import decisions_make, recommendation_set
from integrering.grants.exports.selectors import COLUMNS
from tests.grants.factories import application_make, call_make, organisation_make

YEAR = 2026


@pytest.fixture
def data(county, make_user):
    applicant = make_user(Role.APPLICANT, username="soker", county_obj=county)
    applicant.first_name, applicant.email = "Personnavn", "person@example.org"
    applicant.save()
    organisation = organisation_make(user=applicant)
    call = call_make(county=county)
    granted = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    granted = recommendation_set(
        application=screening_complete(application=granted), recommendation="grant", amount=150_000
    )
    decisions_make(call=call, application_ids=[granted.pk], today=datetime.date(YEAR, 6, 1))
    rejected = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    screening_reject(application=rejected, code="F1")
    application_make(call=call, organisation=organisation, user=applicant)  # a draft: never listed
    return call


def run(*args):
    import io

    out = io.StringIO()
    call_command("grants-report", *args, stdout=out)
    return out.getvalue()


def test_csv_and_json_agree_and_end_with_a_sum_row(data):
    text = run("--county", "50", "--year", str(YEAR), "--format", "csv")
    assert text.startswith("\ufeff" + ";".join(COLUMNS))
    lines = text.strip().splitlines()
    assert len(lines) == 4
    assert lines[-1].startswith("Sum;")
    report = json.loads(run("--county", "50", "--year", str(YEAR), "--format", "json"))
    assert [list(row) for row in report["rows"]] == [COLUMNS, COLUMNS]
    statuses = sorted(row["status"] for row in report["rows"])
    assert statuses == ["avslatt", "innvilget"]
    assert report["sum"]["soknadsbelop"] == 400_000
    assert report["sum"]["tilsagn"] == 150_000
    assert report["sum"]["ordning"] == "Sum"
    rejected = next(row for row in report["rows"] if row["status"] == "avslatt")
    assert rejected["avslagsgrunner"] == "F1"
    csv_sum = lines[-1].split(";")
    assert csv_sum[COLUMNS.index("tilsagn")] == "150000"


def test_bad_arguments_are_refused_in_norwegian(data):
    from django.utils import translation

    with translation.override("nb"):
        for args, text in (
            (["--county", "99", "--year", "2026"], "Ukjent fylkesnummer"),
            (["--county", "50", "--year", "2026", "--format", "pdf"], "Ukjent format"),
            (["--county", "50", "--year", "2026", "--scheme", "nope"], "Ukjent ordningskode"),
        ):
            with pytest.raises(ApplicationError, match=text):
                run(*args)


def test_the_annual_report_section_and_metrics_come_from_the_same_rows(county, data):
    section = next(s for s in report_sections() if s.key == "grants")
    built = section.build(county=county, year=YEAR)
    assert built["applications"] == 2 and built["sum"]["tilsagn"] == 150_000
    assert section.build(county=county, year=2019) is None
    assert metric("grants.granted").compute(county=county, year=YEAR) == 150_000
    assert metric("grants.granted").compute(county=county, year=2019) is None
    options = linkable_kind("grants.call").options(county=county)
    assert options == [(data.pk, f"{data.title} (2026)")]


def test_the_ui_offers_the_same_as_xlsx(data, make_user, client_for):
    response = client_for(make_user(Role.LEADER, username="leder")).get(f"/tilskudd/rapport/{YEAR}.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_public_list_shows_grants_and_no_personal_data(data, client):
    page = client.get(f"/tilskudd/tildelinger/{YEAR}/").content.decode()
    assert "Frivilligsentralen" in page and "150\xa0000" in page and "Mentor i jobb" in page
    for personal in ("Personnavn", "person@example.org", "soker", "post@example.org"):
        assert personal not in page
