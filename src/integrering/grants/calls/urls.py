from django.urls import path

from integrering.grants.calls import views

urlpatterns = [
    path("ordninger/<int:pk>/ny-utlysning/", views.call_create, name="call_create"),
    path("ordninger/utlysninger/<int:pk>/", views.call_detail, name="call"),
    path("ordninger/utlysninger/<int:pk>/endre/", views.call_edit, name="call_edit"),
]
