"""The plans pages, one namespace «plans» for every sub-domain's patterns (the public page last)."""

from django.urls import include, path

from integrering.plans.plans.urls import public_urlpatterns

app_name = "plans"
urlpatterns = [
    path("", include("integrering.plans.annual_report.urls")),
    path("", include("integrering.plans.plans.urls")),
    path("", include("integrering.plans.measures.urls")),
    path("", include("integrering.plans.indicators.urls")),
    path("", include("integrering.plans.reports.urls")),
    *public_urlpatterns,
]
