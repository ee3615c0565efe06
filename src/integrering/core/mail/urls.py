"""Under /admin/e-post/ (included from core.urls, in the ``core`` namespace)."""

from django.urls import path

from integrering.core.mail import views

urlpatterns = [
    path("", views.sent_email_list, name="sent_emails"),
    path("<int:pk>/", views.sent_email_detail, name="sent_email"),
    path("test/", views.sent_email_test, name="sent_email_test"),
]
