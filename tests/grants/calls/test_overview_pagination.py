"""Issue 12 §6 and the benchmark: the call's ranked overview is paginated, with the sums of the whole call, and
its number of queries does not grow with the number of applications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.core.roles import Role
from integrering.grants.calls.views import RANKING_PAGE_SIZE
from integrering.grants.models import Application, Status
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


def _fill(call, organisation, user, n):
    """n submitted applications (one through the services, the rest copied from it)."""
    first = application_make(call=call, organisation=organisation, user=user, submit=True)
    Application.objects.bulk_create(
        [
            Application(
                county_id=call.county_id,
                call=call,
                organisation=organisation,
                status=Status.SUBMITTED,
                reference=f"TS-2026-{call.pk}{i:04d}",
                project_title=f"Prosjekt {i}",
                amount_applied=1_000 + i,
            )
            for i in range(n - 1)
        ]
    )
    return first


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_overview_takes_the_same_number_of_queries_for_a_small_and_a_large_call(
    county, applicant, make_user, client_for
):
    from tests.grants.factories import scheme_make

    organisation = organisation_make(user=applicant)
    small = call_make(county=county)
    large = call_make(county=county, scheme=scheme_make(county=county, code="stor", name="Stor"))
    _fill(small, organisation, applicant, 3)
    _fill(large, organisation, applicant, RANKING_PAGE_SIZE * 2 + 7)
    client = client_for(make_user(Role.GRANT_CASEWORKER, username="tilskudd"))
    counts = {
        "small": _queries(client, f"/tilskudd/ordninger/utlysninger/{small.pk}/"),
        "large": _queries(client, f"/tilskudd/ordninger/utlysninger/{large.pk}/"),
        "large, page 3": _queries(client, f"/tilskudd/ordninger/utlysninger/{large.pk}/?side=3"),
    }
    assert len(set(counts.values())) == 1, counts


def test_the_overview_pages_through_the_ranking_with_the_sums_of_the_whole_call(
    county, applicant, make_user, client_for
):
    organisation = organisation_make(user=applicant)
    call = call_make(county=county)
    _fill(call, organisation, applicant, RANKING_PAGE_SIZE + 5)
    client = client_for(make_user(Role.LEADER, username="leder"))
    first = client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/").content.decode()
    last = client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/?side=2").content.decode()
    assert f"{RANKING_PAGE_SIZE + 5} søknader" in first and "Side 1 av 2" in first and "?side=2" in first
    assert first.count("/tilskudd/ordninger/soknader/") == RANKING_PAGE_SIZE
    assert last.count("/tilskudd/ordninger/soknader/") == 5
    total = sum(Application.objects.filter(call=call).values_list("amount_applied", flat=True))
    applied = f"{total:,}".replace(",", "\xa0")
    assert f"Søkt {applied} kr" in first and f"Søkt {applied} kr" in last
    assert client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/?side=x").status_code == 200
