"""Freezing a recommendation asks for confirmation and says what freezing means."""

from django.urls import reverse

from integrering.settlement.models import Recommendation
from tests.settlement.scenario_fixtures import run, year_2021  # noqa: F401


def test_the_run_page_explains_freezing_and_asks_for_confirmation(run, year_2021, adviser, client_for):
    page = client_for(adviser).get(reverse("settlement:run", args=[2021, run.pk])).content.decode()
    assert 'name="confirm"' in page and 'type="checkbox"' in page
    assert "kan ikke lenger endres" in page
    assert "ny versjon" in page
    assert "<script>" not in page  # no inline script (CSP): the confirmation is a checkbox in the form


def test_freezing_without_confirmation_is_refused_and_nothing_is_made(run, year_2021, adviser, client_for):
    client = client_for(adviser)
    url = reverse("settlement:recommendation_choose", args=[2021, run.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert Recommendation.objects.count() == 0
    assert "Bekreft at du vil fryse anbefalingen." in response.content.decode()
    assert client.post(url, {"reason": "", "confirm": "on"}).status_code == 302
    assert Recommendation.objects.count() == 1
