from django.urls import path

from integrering.municipalities import views

app_name = "municipalities"
urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("kontaktpersoner/", views.contact_overview, name="contacts"),
    path("kontaktpersoner/tildel/", views.contact_assign, name="contact_assign"),
    path("kontaktpersoner/<int:pk>/avslutt/", views.contact_end, name="contact_end"),
    path("<str:number>/", views.municipality_detail, name="detail"),
]
