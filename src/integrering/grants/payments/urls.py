from django.urls import path

from integrering.grants.payments import views

urlpatterns = [
    path("ordninger/soknader/<int:pk>/utbetaling/", views.payment_action, name="case_payment"),
    path("utbetalinger.csv", views.payments_export, name="payments_export"),
    path("soknader/<int:pk>/utbetaling/", views.payment_request, name="payment_request"),
]
