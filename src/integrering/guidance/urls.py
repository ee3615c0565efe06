"""The guidance app's pages (namespace ``guidance``): each sub-domain's patterns, paths and names unchanged."""

from django.urls import include, path

from integrering.guidance import views_compliance, views_guidance, views_participants, views_training

app_name = "guidance"
urlpatterns = [
    path("", include("integrering.guidance.participants.urls")),
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
