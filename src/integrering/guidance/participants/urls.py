from django.urls import path

from integrering.guidance.participants import views

urlpatterns = [
    path("deltakere/", views.participant_list, name="participants"),
    path("deltakere/ny/", views.participant_create, name="participant_create"),
    path("deltakere/importer/", views.participant_import, name="participant_import"),
    path("deltakere/eksport.<str:fmt>", views.participant_export, name="participant_export"),
    path("deltakere/<int:pk>/", views.participant_detail, name="participant"),
    path("deltakere/<int:pk>/endre/", views.participant_edit, name="participant_edit"),
    path("deltakere/<int:pk>/vedtak/", views.decision_edit, name="decision"),
]
