from django.urls import path

from integrering.regional.requests import views

urlpatterns = [
    path("veiledning/be-om/", views.request_create, name="request_create"),
    path("veiledning/kommunen/", views.own_requests, name="own_requests"),
    path("veiledning/kommunen/<int:pk>/", views.own_request, name="own_request"),
    path("veiledning/", views.request_list, name="requests"),
    path("veiledning/<int:pk>/", views.request_detail, name="request"),
    path("veiledning/<int:pk>/aktivitet/", views.request_answer, name="request_answer"),
    path("veiledning/<int:pk>/avslaa/", views.request_decline, name="request_decline"),
]
