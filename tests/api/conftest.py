import pytest

from integrering.api.services import api_token_create


@pytest.fixture
def token_for():
    """token_for(user, name="t", expires=None) → the secret of a new token of ``user``."""

    def make(user, name="t", expires=None):
        return api_token_create(user=user, name=name, expires=expires)[1]

    return make


@pytest.fixture
def api_get(client):
    """api_get(path, secret, **headers) → the response of GET /api/v1/<path> with the Bearer token."""

    def get(path, secret=None, **headers):
        if secret is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
        return client.get(f"/api/v1/{path}", **headers)

    return get
