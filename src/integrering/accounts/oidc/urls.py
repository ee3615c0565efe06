from django.urls import path

from integrering.accounts.oidc import views

app_name = "oidc"
urlpatterns = [
    path("authenticate/", views.start, name="start"),
    path("callback/", views.callback, name="callback"),
    path("ingen-tilgang/", views.no_access, name="no_access"),
]
