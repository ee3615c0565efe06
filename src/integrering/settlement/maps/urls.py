"""The county map of a year; included by ``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.maps import views

urlpatterns = [
    path("<int:year>/kart/", views.map_view, name="map"),
]
