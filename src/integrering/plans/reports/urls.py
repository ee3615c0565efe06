from django.urls import path

from integrering.plans.reports import views

urlpatterns = [
    path("<int:pk>/rapporter/", views.report_list, name="reports"),
    path("<int:pk>/rapporter/sammenlign/", views.report_compare, name="report_compare"),
    path("rapporter/<int:pk>/", views.report_detail, name="report"),
    path("rapporter/<int:pk>/fullfor/", views.report_complete, name="report_complete"),
    path("rapporter/<int:pk>/rapport.<str:fmt>", views.report_download, name="report_download"),
]
