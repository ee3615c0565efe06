"""Scenario and recommendation pages; included by ``urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement import views_recommendation, views_scenarios

urlpatterns = [
    path("<int:year>/scenarier/", views_scenarios.scenario_list, name="scenarios"),
    path("<int:year>/scenarier/ny/", views_scenarios.scenario_create, name="scenario_create"),
    path("<int:year>/scenarier/fra-fjoraret/", views_scenarios.scenario_from_last_year, name="scenario_from_last_year"),
    path("<int:year>/scenarier/sammenlign/", views_scenarios.scenario_compare, name="scenario_compare"),
    path("<int:year>/scenarier/<int:pk>/", views_scenarios.scenario_detail, name="scenario"),
    path("<int:year>/scenarier/<int:pk>/rediger/", views_scenarios.scenario_edit, name="scenario_edit"),
    path("<int:year>/scenarier/<int:pk>/kjor/", views_scenarios.scenario_run, name="scenario_run"),
    path("<int:year>/scenarier/<int:pk>/kopier/", views_scenarios.scenario_copy, name="scenario_copy"),
    path("<int:year>/scenarier/<int:pk>/folsomhet/", views_scenarios.scenario_sensitivity, name="scenario_sensitivity"),
    path("<int:year>/kjoringer/<int:pk>/", views_scenarios.run_detail, name="run"),
    path(
        "<int:year>/kjoringer/<int:pk>/anbefal/",
        views_recommendation.recommendation_choose,
        name="recommendation_choose",
    ),
    path("<int:year>/anbefaling/", views_recommendation.recommendation_list, name="recommendations"),
    path("<int:year>/anbefaling/<int:version>/", views_recommendation.recommendation_detail, name="recommendation"),
    path(
        "<int:year>/anbefaling/<int:version>/anbefaling.<str:fmt>",
        views_recommendation.recommendation_export,
        name="recommendation_export",
    ),
]
