from django.urls import path

from integrering.plans.measures import views

urlpatterns = [
    path("mal/<int:pk>/tiltak/ny/", views.measure_create, name="measure_create"),
    path("tiltak/<int:pk>/", views.measure_detail, name="measure"),
    path("tiltak/<int:pk>/endre/", views.measure_edit, name="measure_edit"),
    path("tiltak/<int:pk>/status/", views.status_update_create, name="status_update"),
    path("tiltak/<int:pk>/lenker/", views.link_add, name="link_add"),
    path("tiltak/<int:pk>/lenker/fjern/", views.link_remove, name="link_remove"),
    path("lenker/", views.record_tags, name="record_tags"),
    path("<int:pk>/handlingsprogram/<int:year>/", views.programme, name="programme"),
    path("<int:pk>/handlingsprogram/<int:year>/revider/", views.programme_revise, name="programme_revise"),
]
