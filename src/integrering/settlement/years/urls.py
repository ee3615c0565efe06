"""The county's settlement years; included by ``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.years import views

urlpatterns = [
    path("", views.year_list, name="years"),
    path("ny/", views.year_create, name="year_create"),
    path("<int:year>/", views.year_detail, name="year"),
    path("<int:year>/rediger/", views.year_edit, name="year_edit"),
]
