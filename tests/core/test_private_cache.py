"""Responses that may show personal data are never cached: ``Cache-Control: no-store, private``."""

import pytest

from integrering.core.roles import Role
from tests.guidance.factories import participant_make


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


def _no_store(response) -> bool:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")} == {"no-store", "private"}


def test_a_participants_page_and_its_list_are_never_cached(county, counsellor, client_for):
    participant = participant_make(county)
    client = client_for(counsellor)
    for path in (f"/veiledning/deltakere/{participant.pk}/", "/veiledning/deltakere/"):
        response = client.get(path)
        assert response.status_code == 200
        assert _no_store(response), (path, response.get("Cache-Control"))


def test_an_htmx_fragment_and_an_error_page_for_a_logged_in_user_are_never_cached(county, counsellor, client_for):
    client = client_for(counsellor)
    fragment = client.get("/veiledning/deltakere/", headers={"HX-Request": "true"})
    assert _no_store(fragment)
    missing = client.get("/veiledning/deltakere/999999/")
    assert missing.status_code == 404
    assert _no_store(missing)


def test_the_audit_page_is_never_cached(county_admin, client_for):
    assert _no_store(client_for(county_admin).get("/admin/revisjon/"))


def test_every_page_for_a_logged_in_user_is_marked_whatever_the_view_set(adviser, client_for):
    # The municipality list sets no caching of its own; a logged-in user's response is marked all the same.
    response = client_for(adviser).get("/kommuner/")
    assert response.status_code == 200
    assert _no_store(response)
