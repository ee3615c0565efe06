from django.urls import path

from integrering.accounts import views

app_name = "accounts"
urlpatterns = [
    path("brukere/", views.user_list, name="users"),
    path("brukere/ny/", views.user_edit, name="user_create"),
    path("brukere/venter/", views.user_pending, name="users_pending"),
    path("brukere/<int:pk>/", views.user_edit, name="user_edit"),
    path("brukere/<int:pk>/inviter/", views.user_invite, name="user_invite"),
    path("brukere/<int:pk>/las-opp/", views.user_unlock, name="user_unlock"),
    path("revisjon/", views.audit_log, name="audit"),
]
