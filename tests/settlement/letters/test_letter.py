"""The letter to IMDi: a PDF, dated by the version it belongs to, explaining the method and exceptions in prose."""

from django.urls import reverse

from integrering.settlement.models import Recommendation
from integrering.settlement.recommendation.services import recommendation_make
from tests.settlement.scenario_fixtures import run, year_2021, year_2022  # noqa: F401


def test_the_pdf_letter_is_a_pdf(run, year_2021, adviser, client_for):
    recommendation_make(settlement_year=year_2021, user=adviser, run=run)
    response = client_for(adviser).get(reverse("settlement:recommendation_export", args=[2021, 1, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_letter_is_dated_by_the_version_and_gives_a_reason_only_for_a_change(year_2021, adviser):
    import datetime

    from integrering.settlement.letters.letter import letter_html
    from integrering.settlement.recommendation.selectors import recommendation_rows

    first = recommendation_make(
        settlement_year=year_2021, user=adviser, numbers={"5001": 140, "5006": 33}, reason="Fra seed-presentasjonen"
    )
    Recommendation.objects.filter(pk=first.pk).update(
        chosen_at=datetime.datetime(2021, 3, 1, 23, 30, tzinfo=datetime.UTC)
    )
    first.refresh_from_db()
    html = letter_html(first, *recommendation_rows(first))
    assert "Dato:</th><td>02.03.2021" in html  # the version's day in Oslo, not the day it is downloaded
    assert "Begrunnelse for endringen" not in html and "Fra seed-presentasjonen" not in html
    second = recommendation_make(
        settlement_year=year_2021, user=adviser, numbers={"5001": 130, "5006": 43}, reason="Steinkjer har flere boliger"
    )
    html = letter_html(second, *recommendation_rows(second))
    assert "Begrunnelse for endringen:</strong> Steinkjer har flere boliger" in html


def test_the_letter_describes_caps_minimums_exclusions_and_fixed_numbers_with_reasons(year_2021, adviser):
    from integrering.settlement.letters.letter import letter_html
    from integrering.settlement.recommendation.selectors import recommendation_rows
    from integrering.settlement.scenarios.services import scenario_create, scenario_run

    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Med grenser",
        base=10,
        criteria=[{"code": "folketall", "weight": 1, "exponent": 0.6}],
        constraints={
            "5001": {"cap": 120, "reason": "Boligmangel"},
            "5014": {"excluded": True, "reason": "Ingen boliger"},
            "5006": {"fixed": 30, "reason": "Avtale"},
            "5007": {"minimum": 15, "reason": ""},
        },
    )
    recommendation = recommendation_make(
        settlement_year=year_2021, user=adviser, run=scenario_run(scenario=scenario, user=adviser)
    )
    html = letter_html(recommendation, *recommendation_rows(recommendation))
    for text in (
        "Unntak fra beregningen: ",
        "Trondheim får høyst 120 (Boligmangel)",
        "Frøya får ingen (Ingen boliger)",
        "Steinkjer får nøyaktig 30 (Avtale)",
        "Namsos - Nåavmesjenjaelmie får minst 15 hvis kommunen får noen",
    ):
        assert text in html
