from django.urls import path

from integrering.guidance.training import views

urlpatterns = [
    path("opplaering/", views.training_list, name="training"),
    path("opplaering/deltakere/<int:pk>/meld-opp/", views.training_enrol, name="training_enrol"),
    path("opplaering/<int:pk>/endre/", views.training_edit, name="training_edit"),
    path("eksport/veiledning-og-fravaer.<str:fmt>", views.export_to_municipality, name="export"),
]
