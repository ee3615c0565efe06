"""The API's URL patterns (Ninja's), each declared for the URL test: the schema and its docs page are public,
the endpoints authenticate by token (:func:`~integrering.core.permissions.token_required`)."""

from django.urls import URLPattern

from integrering.api.main import api
from integrering.core.permissions import public, token_required

urlpatterns, app_name, namespace = api.urls
assert namespace == "api"

# The schema, its docs page and the root (a 404 that names the docs page) hold no data.
PUBLIC_NAMES = {"openapi-json", "openapi-view", "api-root"}

for pattern in urlpatterns:
    assert isinstance(pattern, URLPattern)
    if pattern.name in PUBLIC_NAMES:
        public(pattern.callback)
    else:
        token_required(pattern.callback)
