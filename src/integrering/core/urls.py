"""core's own pages, under /admin/ beside the accounts app's administration pages."""

from django.urls import include, path

from integrering.core.letterhead.views import letter_settings_edit

app_name = "core"
urlpatterns = [
    path("e-post/", include("integrering.core.mail.urls")),
    path("brevoppsett/", letter_settings_edit, name="letter_settings"),
]
