from django.urls import path

from integrering.grants.public import views

urlpatterns = [
    path("utlysninger/", views.call_list, name="public_calls"),
    path("utlysninger/<int:pk>/", views.call_detail, name="public_call"),
    path("tildelinger/<int:year>/", views.grants_list, name="public_grants"),
]
