"""Issue 12 §2: the published calls are on a public page, without login, with everything an applicant needs."""

import datetime

import pytest
from django.utils import timezone

from tests.grants.factories import call_make, scheme_make


@pytest.fixture
def today():
    return timezone.localdate()


def test_an_anonymous_visitor_sees_the_open_calls_and_their_terms(county, client, today):
    call = call_make(
        county=county,
        year=today.year,
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=10),
    )
    listing = client.get("/tilskudd/utlysninger/")
    assert listing.status_code == 200
    assert f"/tilskudd/utlysninger/{call.pk}/" in listing.content.decode()
    page = client.get(f"/tilskudd/utlysninger/{call.pk}/").content.decode()
    for text in (
        "Integration regulation § 65",
        "Tilskuddet dekker høyst 50 % av prosjektets kostnader.",
        "Quality (60 %)",
        "75 % ved aksept",
        "25 % etter sluttrapporten",
        "Åpen for søknader.",
        "§§ 28–29",
    ):
        assert text in page, text


def test_an_unpublished_call_is_neither_listed_nor_shown(county, client, today):
    call = call_make(county=county, year=today.year, opens_on=today, closes_on=today, published=False)
    assert f"/tilskudd/utlysninger/{call.pk}/" not in client.get("/tilskudd/utlysninger/").content.decode()
    assert client.get(f"/tilskudd/utlysninger/{call.pk}/").status_code == 404


def test_a_closed_call_is_not_listed_as_open(county, client, today):
    scheme = scheme_make(county=county)
    call = call_make(
        county=county,
        scheme=scheme,
        year=today.year - 1,
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=1),
    )
    assert f"/tilskudd/utlysninger/{call.pk}/" not in client.get("/tilskudd/utlysninger/").content.decode()
    assert "Ikke åpen for søknader nå." in client.get(f"/tilskudd/utlysninger/{call.pk}/").content.decode()
