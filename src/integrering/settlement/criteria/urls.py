"""The county's criteria and their values per year; included by ``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.criteria import views

urlpatterns = [
    path("kriterier/", views.criteria_list, name="criteria"),
    path("kriterier/ny/", views.criterion_create, name="criterion_create"),
    path("kriterier/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path("kriterier/<int:pk>/slett/", views.criterion_delete, name="criterion_delete"),
    path("<int:year>/kriterier/", views.criterion_values, name="criterion_values"),
    path("<int:year>/kriterier/import/", views.criterion_values_import, name="criterion_values_import"),
    path("<int:year>/kriterier/<int:pk>/rediger/", views.criterion_values_edit, name="criterion_values_edit"),
]
