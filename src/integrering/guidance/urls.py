"""The guidance app's pages (namespace ``guidance``): each sub-domain's patterns, paths and names unchanged."""

from django.urls import include, path

from integrering.guidance import views_compliance, views_training

app_name = "guidance"
urlpatterns = [
    path("", include("integrering.guidance.participants.urls")),
    path("", include("integrering.guidance.cases.urls")),
    path("opplaering/", views_training.training_list, name="training"),
    path("opplaering/deltakere/<int:pk>/meld-opp/", views_training.training_enrol, name="training_enrol"),
    path("opplaering/<int:pk>/endre/", views_training.training_edit, name="training_edit"),
    path("eksport/veiledning-og-fravaer.<str:fmt>", views_training.export_to_municipality, name="export"),
    path("etterlevelse/", views_compliance.compliance, name="compliance"),
]
