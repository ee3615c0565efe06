from django.urls import path

from integrering.grants.municipal import views

urlpatterns = [
    path("kommune/", views.municipal_list, name="municipal"),
    path("kommune/soknader/<int:pk>/", views.municipal_detail, name="municipal_application"),
]
