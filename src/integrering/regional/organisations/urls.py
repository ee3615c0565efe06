from django.urls import path

from integrering.regional.organisations import views

urlpatterns = [
    path("organisasjoner/", views.organisation_list, name="organisations"),
    path("organisasjoner/ny/", views.organisation_create, name="organisation_create"),
    path("organisasjoner/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisasjoner/<int:pk>/endre/", views.organisation_edit, name="organisation_edit"),
    path("organisasjoner/<int:pk>/kontakter/", views.contact_add, name="organisation_contact_add"),
    path("organisasjoner/kontakter/<int:pk>/slett/", views.contact_delete, name="organisation_contact_delete"),
]
