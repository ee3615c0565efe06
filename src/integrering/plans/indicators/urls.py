from django.urls import path

from integrering.plans.indicators import views

urlpatterns = [
    path("mal/<int:pk>/indikatorer/ny/", views.indicator_create, name="indicator_create"),
    path("indikatorer/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indikatorer/<int:pk>/endre/", views.indicator_edit, name="indicator_edit"),
]
