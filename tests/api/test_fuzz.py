"""Fuzzed query parameters and path segments: the API answers 2xx/4xx with a JSON body, never a 500."""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrering.api.services import api_token_create

pytestmark = pytest.mark.django_db

TEXT = st.text(min_size=0, max_size=30) | st.integers(min_value=-(10**25), max_value=10**25).map(str)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    endpoint=st.sampled_from(
        [
            "kommuner",
            "kommuner/{v}",
            "bosetting",
            "bosetting/{v}",
            "bosetting/{v}/anbefaling",
            "tilskudd/tildelinger",
            "aktiviteter/kommuner",
        ]
    ),
    value=TEXT,
    year=TEXT,
)
def test_no_parameter_gives_a_500(adviser, client, endpoint, value, year):
    if not hasattr(client, "_api_secret"):
        client._api_secret = api_token_create(user=adviser, name="fuzz")[1]
    client.raise_request_exception = False
    path = endpoint.format(v=urllib.parse.quote(value, safe="")) if value else endpoint.replace("/{v}", "")
    response = client.get(f"/api/v1/{path}", {"year": year}, HTTP_AUTHORIZATION=f"Bearer {client._api_secret}")
    assert response.status_code < 500, (path, year, response.content[:200])
