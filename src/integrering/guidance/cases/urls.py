from django.urls import path

from integrering.guidance.cases import views

urlpatterns = [
    path("deltakere/<int:pk>/henvis/", views.referral_create, name="refer"),
    path("deltakere/<int:pk>/trekk-henvisning/", views.referral_withdraw, name="refer_withdraw"),
    path("ko/", views.queue, name="queue"),
    path("saker/<int:pk>/ta/", views.case_take, name="case_take"),
    path("saker/<int:pk>/tildel/", views.case_assign, name="case_assign"),
    path("saker/<int:pk>/book/", views.case_book, name="case_book"),
    path("saker/<int:pk>/samtale/", views.case_session, name="case_session"),
    path("saker/<int:pk>/fullfor/", views.case_complete, name="case_complete"),
]
