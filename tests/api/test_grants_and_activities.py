"""The public grants list (the same rows as the public page) and the activity summaries per municipality
(counts per area, no names), paged and filtered by ``?year=`` like the other endpoints."""

import datetime

import pytest

from integrering.core.roles import Role
from integrering.grants.applications.models import Application
from integrering.grants.public.selectors import awarded_in
from integrering.municipalities.models import Municipality
from integrering.regional.activities.services import activity_create
from tests.grants.factories import application_make, call_make, organisation_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def awarded(county, make_user):
    applicant = make_user(Role.APPLICANT, username="soker")
    call = call_make(county=county, year=2026)
    organisation = organisation_make(user=applicant)
    application = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    Application.objects.filter(pk=application.pk).update(status="innvilget", granted_amount=120_000)
    return application


def test_the_grants_list_is_the_public_pages_rows_without_persons(awarded, adviser, client, token_for, api_get):
    secret = token_for(adviser)
    body = api_get("tilskudd/tildelinger?year=2026", secret).json()
    assert body["count"] == len(awarded_in(2026)) == 1
    (row,) = body["items"]
    assert row == {
        "aar": 2026,
        "fylkesnummer": "50",
        "fylke": awarded.county.name,
        "ordning": "Mentor scheme",
        "mottaker": "Frivilligsentralen",
        "kommunenummer": "5001",
        "kommune": "Trondheim",
        "prosjekt": "Mentor i jobb",
        "tilsagn": 120_000,
    }
    page = client.get("/tilskudd/tildelinger/2026/").content.decode()
    assert all(str(v) in page for v in ("Frivilligsentralen", "Mentor i jobb", "Mentor scheme"))
    assert "soker" not in str(body) and "@" not in str(body)  # no applicant user, no e-mail
    assert api_get("tilskudd/tildelinger?year=2025", secret).json() == {"items": [], "count": 0}


def test_an_applicant_s_token_reads_the_public_list_too(awarded, token_for, api_get):
    from integrering.core.models import User

    assert api_get("tilskudd/tildelinger?year=2026", token_for(User.objects.get(username="soker"))).status_code == 200


def test_activity_summaries_count_per_municipality_and_area_without_names(county, adviser, token_for, api_get):
    trondheim, steinkjer = Municipality.objects.get(number="5001"), Municipality.objects.get(number="5006")
    for areas, places, day in (([2, 3], [trondheim], 1), ([3], [trondheim, steinkjer], 2), ([6], [], 3)):
        activity_create(
            county=county,
            user=adviser,
            areas=areas,
            title=f"Hemmelig tittel {day}",
            activity_type="course",
            start_date=datetime.date(2024, 5, day),
            municipalities=places,
        )
    secret = token_for(adviser)
    body = api_get("aktiviteter/kommuner?year=2024&limit=100", secret).json()
    rows = {r["kommunenummer"]: r for r in body["items"]}
    assert body["count"] == 38 == len(rows)
    assert rows["5001"] == {"kommunenummer": "5001", "aar": 2024, "aktiviteter": 2, "per_omrade": {"2": 1, "3": 2}}
    assert rows["5006"]["aktiviteter"] == 1 and rows["5006"]["per_omrade"] == {"3": 1}
    assert rows["5007"]["aktiviteter"] == 0 and rows["5007"]["per_omrade"] == {}
    assert "Hemmelig" not in str(body)
    page = api_get("aktiviteter/kommuner?year=2024&limit=10&offset=30", secret).json()
    assert len(page["items"]) == 8
    assert api_get("aktiviteter/kommuner?year=2023&limit=100", secret).json()["items"][0]["aktiviteter"] == 0
    assert api_get("aktiviteter/kommuner?year=abc", secret).status_code == 422


def test_another_county_s_token_does_not_see_the_county_s_activities(
    county, other_county, adviser, make_user, token_for, api_get
):
    activity_create(
        county=county,
        user=adviser,
        areas=[2],
        title="Kurs",
        activity_type="course",
        start_date=datetime.date(2024, 5, 1),
        municipalities=[Municipality.objects.get(number="5001")],
    )
    stranger = make_user(Role.ADVISER, username="annet_fylke", county_obj=other_county)
    body = api_get("aktiviteter/kommuner?year=2024&limit=100", token_for(stranger)).json()
    assert body["count"] > 0 and not any(r["kommunenummer"].startswith("50") for r in body["items"])
    assert all(r["aktiviteter"] == 0 for r in body["items"])
