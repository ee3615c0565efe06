from django.urls import path

from integrering.plans.plans import views

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("ny/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/endre/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/fokusomrader/ny/", views.focus_area_create, name="focus_area_create"),
    path("fokusomrader/<int:pk>/endre/", views.focus_area_edit, name="focus_area_edit"),
    path("fokusomrader/<int:pk>/mal/ny/", views.goal_create, name="goal_create"),
    path("mal/<int:pk>/endre/", views.goal_edit, name="goal_edit"),
]

# Last: the public page's address is the plan's own name (never all digits, so never a plan's number).
public_urlpatterns = [path("<slug:slug>/", views.plan_public, name="public")]
