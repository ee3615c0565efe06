from django.urls import path

from integrering.grants.applicants import views

urlpatterns = [
    path("registrer/", views.register, name="register"),
    path("bekreft/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path("mine/", views.mine, name="mine"),
    path("organisasjoner/ny/", views.organisation_create, name="organisation_create"),
    path("organisasjoner/<int:pk>/", views.organisation_detail, name="organisation"),
]
