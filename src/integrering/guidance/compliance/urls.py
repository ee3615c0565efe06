from django.urls import path

from integrering.guidance.compliance import views

urlpatterns = [
    path("etterlevelse/", views.compliance, name="compliance"),
]
