"""The settlement pages under /bosetting/, one namespace «settlement» for every sub-domain's patterns."""

from django.urls import include, path

app_name = "settlement"
urlpatterns = [
    path("", include("integrering.settlement.years.urls")),
    path("", include("integrering.settlement.figures.urls")),
    path("", include("integrering.settlement.maps.urls")),
    path("", include("integrering.settlement.charts.urls")),
    path("", include("integrering.settlement.scenarios.urls")),
    path("", include("integrering.settlement.recommendation.urls")),
    path("", include("integrering.settlement.criteria.urls")),
]
