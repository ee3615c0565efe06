from django.urls import path

from integrering.grants.attachments import views

urlpatterns = [
    path("soknader/<int:pk>/vedlegg/", views.attachment_add, name="attachment_add"),
    path("soknader/vedlegg/<int:pk>/", views.attachment_download, name="attachment"),
    path("soknader/vedlegg/<int:pk>/slett/", views.attachment_delete, name="attachment_delete"),
    path("ordninger/soknader/vedlegg/<int:pk>/", views.case_attachment_download, name="case_attachment"),
]
