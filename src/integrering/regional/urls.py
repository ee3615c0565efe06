"""The regional pages, one namespace «regional» for every sub-domain's patterns."""

from django.urls import include, path

app_name = "regional"
urlpatterns = [
    path("", include("integrering.regional.activities.urls")),
    path("", include("integrering.regional.requests.urls")),
    path("", include("integrering.regional.organisations.urls")),
    path("", include("integrering.regional.partners.urls")),
]
