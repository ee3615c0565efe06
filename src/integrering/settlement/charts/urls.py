"""The charts of a year; included by ``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.charts import views

urlpatterns = [
    path("<int:year>/diagram/", views.charts, name="charts"),
]
