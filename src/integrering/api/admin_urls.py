"""The administrator's pages for API tokens (session login, ``/admin/api-tokener/``)."""

from django.urls import path

from integrering.api import views

app_name = "api_tokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("ny/", views.token_create, name="create"),
    path("<int:pk>/trekk-tilbake/", views.token_revoke, name="revoke"),
]
