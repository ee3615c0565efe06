from django.urls import path

from integrering.grants.reports import views

urlpatterns = [
    path("soknader/<int:pk>/statusrapport/", views.report_new, {"kind": "status"}, name="report_status_new"),
    path("soknader/<int:pk>/sluttrapport/", views.report_new, {"kind": "final"}, name="report_final_new"),
    path("rapporter/<int:pk>/", views.report_applicant, name="report"),
    path("ordninger/rapporter/<int:pk>/", views.report_case, name="case_report"),
    path("ordninger/rapporter/<int:pk>/behandle/", views.report_handle, name="case_report_handle"),
]
