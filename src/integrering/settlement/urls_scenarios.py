"""The recommendation pages; included by ``urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement import views_recommendation

urlpatterns = [
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
