"""The guidance app's pages (namespace ``guidance``): each sub-domain's patterns, paths and names unchanged."""

from django.urls import include, path

from integrering.guidance import views_compliance

app_name = "guidance"
urlpatterns = [
    path("", include("integrering.guidance.participants.urls")),
    path("", include("integrering.guidance.cases.urls")),
    path("", include("integrering.guidance.training.urls")),
    path("etterlevelse/", views_compliance.compliance, name="compliance"),
]
