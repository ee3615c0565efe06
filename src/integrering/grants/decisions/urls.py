from django.urls import path

from integrering.grants.decisions import views

urlpatterns = [
    path("ordninger/utlysninger/<int:pk>/vedtak/", views.decide, name="call_decide"),
    path("ordninger/utlysninger/<int:pk>/innstilling.xlsx", views.recommendation_xlsx, name="call_recommendation"),
]
