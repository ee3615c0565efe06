"""The OpenAPI document: valid JSON, OpenAPI 3, every endpoint, no personal data; the docs page works offline."""

import json
import re

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/kommuner",
    "/api/v1/kommuner/{number}",
    "/api/v1/bosetting",
    "/api/v1/bosetting/{year}",
    "/api/v1/bosetting/{year}/anbefaling",
    "/api/v1/tilskudd/tildelinger",
    "/api/v1/aktiviteter/kommuner",
}
PERSONAL = re.compile(r"particip|deltaker|fodselsnummer|fødselsnummer|personnummer|email|e-post|telefon|phone", re.I)


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_openapi_3_with_every_endpoint_behind_a_bearer_token(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS
    assert any(s.get("scheme") == "bearer" for s in schema["components"]["securitySchemes"].values())
    for path in schema["paths"].values():
        assert path["get"]["security"]


def test_the_schema_validates_as_an_openapi_document(schema):
    validate(schema)  # raises on an invalid document


def test_no_personal_data_is_anywhere_in_the_schema(schema):
    assert not PERSONAL.search(json.dumps(schema, ensure_ascii=False))


def test_the_docs_page_uses_the_app_s_own_static_files_not_a_cdn(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"(src|href)=\"https?://", html)
