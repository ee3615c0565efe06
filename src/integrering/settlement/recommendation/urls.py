"""The recommendation: choosing a run, the versions and their exports; included by ``settlement/urls.py`` in
the namespace «settlement»."""

from django.urls import path

from integrering.settlement.recommendation import views

urlpatterns = [
    path(
        "<int:year>/kjoringer/<int:pk>/anbefal/",
        views.recommendation_choose,
        name="recommendation_choose",
    ),
    path("<int:year>/anbefaling/", views.recommendation_list, name="recommendations"),
    path("<int:year>/anbefaling/<int:version>/", views.recommendation_detail, name="recommendation"),
    path("<int:year>/anbefaling/<int:version>/brev/", views.recommendation_letter, name="recommendation_letter"),
    path(
        "<int:year>/anbefaling/<int:version>/anbefaling.<str:fmt>",
        views.recommendation_export,
        name="recommendation_export",
    ),
]
