from django.urls import path

from integrering.regional.partners import views

urlpatterns = [
    path("partnere/", views.partner_list, name="partners"),
    path("partnere/ny/", views.partner_create, name="partner_create"),
    path("partnere/<int:pk>/", views.partner_detail, name="partner"),
    path("partnere/<int:pk>/avtaler/", views.agreement_add, name="agreement_add"),
    path("forum/ny/", views.forum_create, name="forum_create"),
    path("forum/<int:pk>/", views.forum_detail, name="forum"),
    path("forum/<int:pk>/moter/", views.meeting_add, name="meeting_add"),
    path("forum/moter/<int:pk>/oppfolgingspunkter/", views.action_point_add, name="action_point_add"),
    path("forum/moter/<int:pk>/referat/", views.minutes_download, name="minutes"),
    path("forum/oppfolgingspunkter/<int:pk>/status/", views.action_point_status, name="action_point_status"),
]
