from django.urls import path

from integrering.grants.assessment import views

urlpatterns = [
    path("ordninger/soknader/<int:pk>/", views.application_detail, name="case"),
    path("ordninger/soknader/<int:pk>/kontroll/", views.screening, name="case_screening"),
    path("ordninger/soknader/<int:pk>/habilitet/", views.declaration, name="case_declaration"),
    path("ordninger/soknader/<int:pk>/vurdering/", views.assessment, name="case_assessment"),
    path("ordninger/soknader/<int:pk>/innstilling/", views.recommendation, name="case_recommendation"),
]
