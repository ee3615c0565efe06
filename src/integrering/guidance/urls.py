"""The guidance app's pages, in the namespace ``guidance``: each sub-domain's own patterns (paths and names as
they have always been; the referral pages sit under ``deltakere/`` but belong to ``cases``)."""

from django.urls import include, path

app_name = "guidance"
urlpatterns = [
    path("", include("integrering.guidance.participants.urls")),
    path("", include("integrering.guidance.cases.urls")),
    path("", include("integrering.guidance.training.urls")),
    path("", include("integrering.guidance.compliance.urls")),
]
