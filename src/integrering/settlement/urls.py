from django.urls import include, path

from integrering.settlement import views_overview

app_name = "settlement"
urlpatterns = [
    path("", include("integrering.settlement.years.urls")),
    path("", include("integrering.settlement.figures.urls")),
    path("<int:year>/kart/", views_overview.map_view, name="map"),
    path("<int:year>/diagram/", views_overview.charts, name="charts"),
]

# The scenario, criteria and recommendation pages live in the same namespace.
urlpatterns += [path("", include("integrering.settlement.scenarios.urls"))]
urlpatterns += [path("", include("integrering.settlement.recommendation.urls"))]
urlpatterns += [path("", include("integrering.settlement.criteria.urls"))]
