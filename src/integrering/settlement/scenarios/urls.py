"""Scenarios and their runs; included by ``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.scenarios import views

urlpatterns = [
    path("<int:year>/scenarier/", views.scenario_list, name="scenarios"),
    path("<int:year>/scenarier/ny/", views.scenario_create, name="scenario_create"),
    path("<int:year>/scenarier/fra-fjoraret/", views.scenario_from_last_year, name="scenario_from_last_year"),
    path("<int:year>/scenarier/sammenlign/", views.scenario_compare, name="scenario_compare"),
    path("<int:year>/scenarier/<int:pk>/", views.scenario_detail, name="scenario"),
    path("<int:year>/scenarier/<int:pk>/rediger/", views.scenario_edit, name="scenario_edit"),
    path("<int:year>/scenarier/<int:pk>/kjor/", views.scenario_run, name="scenario_run"),
    path("<int:year>/scenarier/<int:pk>/kopier/", views.scenario_copy, name="scenario_copy"),
    path("<int:year>/scenarier/<int:pk>/folsomhet/", views.scenario_sensitivity, name="scenario_sensitivity"),
    path("<int:year>/kjoringer/<int:pk>/", views.run_detail, name="run"),
]
