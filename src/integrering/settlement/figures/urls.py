"""A year's figures per municipality: editing, import, exports, a municipality's own decision; included by
``settlement/urls.py`` in the namespace «settlement»."""

from django.urls import path

from integrering.settlement.figures import views

urlpatterns = [
    path("<int:year>/kommune/<str:number>/", views.figure_row, name="figure_row"),
    path("<int:year>/kommune/<str:number>/rediger/", views.figure_edit, name="figure_edit"),
    path("<int:year>/import/", views.import_upload, name="import"),
    path("<int:year>/import/bruk/", views.import_apply, name="import_apply"),
    path("<int:year>/eksport.<str:fmt>", views.export, name="export"),
    path("<int:year>/offentlig.<str:fmt>", views.export_public, name="export_public"),
    path("<int:year>/vedtak/", views.decision, name="decision"),
    path("<int:year>/enslige-mindreaarige/", views.minors_acceptance, name="minors_acceptance"),
]
