"""The grants pages, one namespace «grants» for every sub-domain's patterns."""

from django.urls import include, path

from integrering.grants.exports.views import report_xlsx

app_name = "grants"
urlpatterns = [
    path("", include("integrering.grants.public.urls")),
    path("", include("integrering.grants.schemes.urls")),
    path("", include("integrering.grants.calls.urls")),
    path("", include("integrering.grants.applicants.urls")),
    path("", include("integrering.grants.applications.urls")),
    path("", include("integrering.grants.assessment.urls")),
    path("", include("integrering.grants.decisions.urls")),
    path("", include("integrering.grants.payments.urls")),
    path("", include("integrering.grants.attachments.urls")),
    path("rapport/<int:year>.xlsx", report_xlsx, name="report_xlsx"),
    path("", include("integrering.grants.reports.urls")),
    path("", include("integrering.grants.reclaims.urls")),
    path("", include("integrering.grants.municipal.urls")),
]
