from django.urls import path

from integrering.grants.applications import views

urlpatterns = [
    path("utlysninger/<int:pk>/sok/", views.application_start, name="application_start"),
    path("soknader/<int:pk>/", views.application_summary, name="application"),
    path("soknader/<int:pk>/steg/<int:step>/", views.application_step, name="application_step"),
    path("soknader/<int:pk>/aksepter/", views.application_accept, name="application_accept"),
    path("soknader/<int:pk>/vedtaksbrev.pdf", views.application_letter, name="application_letter"),
    path("ordninger/utkast/<int:pk>/gjenapne/", views.draft_reopen, name="draft_reopen"),
]
