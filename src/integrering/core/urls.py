"""core's own pages, under /admin/ beside the accounts app's administration pages."""

from django.urls import include, path

app_name = "core"
urlpatterns = [
    path("e-post/", include("integrering.core.mail.urls")),
]
