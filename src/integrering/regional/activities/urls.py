from django.urls import path

from integrering.regional.activities import calendar_views, map_views, views

urlpatterns = [
    path("kalender/", calendar_views.calendar_page, name="calendar"),
    path("kart/", map_views.activity_map, name="map"),
    path("kalender/ny-adresse/", calendar_views.calendar_feed_renew, name="calendar_feed_renew"),
    path("kalender/<str:token>.ics", calendar_views.calendar_feed, name="calendar_feed"),
    path("aktiviteter/", views.activity_list, name="activities"),
    path("aktiviteter/ny/", views.activity_create, name="activity_create"),
    path("aktiviteter/<int:pk>/", views.activity_detail, name="activity"),
    path("aktiviteter/<int:pk>/endre/", views.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/status/", views.activity_status, name="activity_status"),
    path("aktiviteter/<int:pk>/oppfolging/", views.follow_up_add, name="follow_up_add"),
    path("aktiviteter/<int:pk>/vedlegg/", views.attachment_add, name="attachment_add"),
    path("aktiviteter/oppfolging/<int:pk>/ferdig/", views.follow_up_done, name="follow_up_done"),
    path("aktiviteter/vedlegg/<int:pk>/", views.attachment_download, name="attachment"),
]
