from django.urls import include, path

from integrering.core import views_admin

app_name = "core"
urlpatterns = [
    path("brukere/", views_admin.user_list, name="users"),
    path("brukere/ny/", views_admin.user_edit, name="user_create"),
    path("brukere/<int:pk>/", views_admin.user_edit, name="user_edit"),
    path("brukere/<int:pk>/las-opp/", views_admin.user_unlock, name="user_unlock"),
    path("revisjon/", views_admin.audit_log, name="audit"),
    path("e-post/", include("integrering.core.mail.urls")),
]
