from django.urls import path

from integrering.grants.schemes import views

urlpatterns = [
    path("ordninger/", views.scheme_list, name="schemes"),
    path("ordninger/ny/", views.scheme_create, name="scheme_create"),
    path("ordninger/<int:pk>/", views.scheme_detail, name="scheme"),
    path("ordninger/<int:pk>/endre/", views.scheme_edit, name="scheme_edit"),
]
