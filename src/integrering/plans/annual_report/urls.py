from django.urls import path

from integrering.plans.annual_report import views

urlpatterns = [
    path("arsrapport/", views.annual_report, name="annual_report"),
    path("arsrapport/<int:year>.<str:fmt>", views.annual_report_download, name="annual_report_download"),
]
