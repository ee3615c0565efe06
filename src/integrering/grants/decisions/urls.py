from django.urls import path

from integrering.grants.decisions import views

urlpatterns = [
    path("ordninger/utlysninger/<int:pk>/vedtak/", views.decide, name="call_decide"),
    path("ordninger/utlysninger/<int:pk>/innstilling.xlsx", views.recommendation_xlsx, name="call_recommendation"),
    path("ordninger/utlysninger/<int:pk>/innstilling.pdf", views.recommendation_pdf, name="call_recommendation_pdf"),
    path("ordninger/soknader/<int:pk>/vedtaksbrev.pdf", views.case_letter_pdf, name="case_letter"),
]
