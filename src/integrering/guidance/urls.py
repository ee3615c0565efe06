from django.urls import path

from integrering.guidance import views_compliance, views_guidance, views_participants, views_training

app_name = "guidance"
urlpatterns = [
    path("deltakere/", views_participants.participant_list, name="participants"),
    path("deltakere/ny/", views_participants.participant_create, name="participant_create"),
    path("deltakere/<int:pk>/", views_participants.participant_detail, name="participant"),
    path("deltakere/<int:pk>/endre/", views_participants.participant_edit, name="participant_edit"),
    path("deltakere/<int:pk>/vedtak/", views_participants.decision_edit, name="decision"),
    path("deltakere/<int:pk>/henvis/", views_participants.referral_create, name="refer"),
    path("deltakere/<int:pk>/trekk-henvisning/", views_participants.referral_withdraw, name="refer_withdraw"),
    path("ko/", views_guidance.queue, name="queue"),
    path("saker/<int:pk>/ta/", views_guidance.case_take, name="case_take"),
    path("saker/<int:pk>/tildel/", views_guidance.case_assign, name="case_assign"),
    path("saker/<int:pk>/book/", views_guidance.case_book, name="case_book"),
    path("saker/<int:pk>/samtale/", views_guidance.case_session, name="case_session"),
    path("saker/<int:pk>/fullfor/", views_guidance.case_complete, name="case_complete"),
    path("opplaering/", views_training.training_list, name="training"),
    path("opplaering/deltakere/<int:pk>/meld-opp/", views_training.training_enrol, name="training_enrol"),
    path("opplaering/<int:pk>/endre/", views_training.training_edit, name="training_edit"),
    path("eksport/veiledning-og-fravaer.<str:fmt>", views_training.export_to_municipality, name="export"),
    path("etterlevelse/", views_compliance.compliance, name="compliance"),
]
