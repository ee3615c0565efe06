from django.urls import path

from integrering.grants.reclaims import views

urlpatterns = [
    path("ordninger/soknader/<int:pk>/tilbakekrav/", views.reclaim_new, name="case_reclaim"),
    path("ordninger/tilbakekrav/<int:pk>/tilbakebetalt/", views.reclaim_repaid, name="case_reclaim_repaid"),
]
