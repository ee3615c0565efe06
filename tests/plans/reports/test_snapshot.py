import datetime

from integrering.plans.indicators.services import indicator_create, indicator_value_add
from integrering.plans.measures.services import measure_update, status_update_post
from integrering.plans.reports.models import PeriodReport
from integrering.plans.reports.services import report_complete, report_create


def _report(plan):
    return report_create(plan=plan, title="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))


def test_completing_a_report_freezes_every_measure_and_indicator(plan, goal, measure, adviser):
    status_update_post(measure=measure, author=adviser, text="Godt i gang", status="in_progress", light="green")
    indicator = indicator_create(goal=goal, name="Andel", unit="%")
    indicator_value_add(indicator=indicator, year=2025, value=40)
    report = report_complete(report=_report(plan), user=adviser)
    frozen = report.snapshot["measures"][0]
    assert (frozen["status"], frozen["light"], frozen["latest_update"]["text"]) == (
        "in_progress",
        "green",
        "Godt i gang",
    )
    assert {p["year"]: p["value"] for p in report.snapshot["indicators"][0]["points"]}[2025] == 40


def test_an_edit_after_completion_does_not_change_the_report(plan, goal, measure, adviser):
    indicator = indicator_create(goal=goal, name="Andel")
    indicator_value_add(indicator=indicator, year=2025, value=40)
    report = report_complete(report=_report(plan), user=adviser)
    before = PeriodReport.objects.get(pk=report.pk).snapshot
    status_update_post(
        measure=measure, author=adviser, text="Stopp", status="postponed", light="red", light_comment="Ingen midler"
    )
    measure_update(measure=measure, title="Nytt navn")
    indicator_value_add(indicator=indicator, year=2025, value=99)
    assert PeriodReport.objects.get(pk=report.pk).snapshot == before


def test_a_report_cannot_be_completed_twice(plan, adviser):
    import pytest

    from integrering.core.exceptions import ApplicationError

    report = report_complete(report=_report(plan), user=adviser)
    with pytest.raises(ApplicationError):
        report_complete(report=report, user=adviser)


def test_the_report_page_pdf_xlsx_and_comparison(plan, measure, adviser, client_for):
    first = report_complete(report=_report(plan), user=adviser)
    status_update_post(
        measure=measure, author=adviser, text="Rødt", status="in_progress", light="red", light_comment="Sent"
    )
    second = report_complete(report=_report(plan), user=adviser)
    client = client_for(adviser)
    assert client.get(f"/planer/rapporter/{first.pk}/").status_code == 200
    assert client.get(f"/planer/rapporter/{first.pk}/rapport.pdf").content.startswith(b"%PDF")
    assert client.get(f"/planer/rapporter/{first.pk}/rapport.xlsx").content.startswith(b"PK")
    page = client.get(f"/planer/{plan.pk}/rapporter/sammenlign/?a={first.pk}&b={second.pk}").content.decode()
    assert "Ikke i rute" in page or "Off track" in page
