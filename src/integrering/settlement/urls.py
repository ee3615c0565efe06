from django.urls import path

from integrering.settlement import urls_scenarios, views_figures, views_overview, views_years

app_name = "settlement"
urlpatterns = [
    path("", views_years.year_list, name="years"),
    path("ny/", views_years.year_create, name="year_create"),
    path("<int:year>/", views_years.year_detail, name="year"),
    path("<int:year>/rediger/", views_years.year_edit, name="year_edit"),
    path("<int:year>/kommune/<str:number>/", views_figures.figure_row, name="figure_row"),
    path("<int:year>/kommune/<str:number>/rediger/", views_figures.figure_edit, name="figure_edit"),
    path("<int:year>/import/", views_figures.import_upload, name="import"),
    path("<int:year>/import/bruk/", views_figures.import_apply, name="import_apply"),
    path("<int:year>/eksport.<str:fmt>", views_figures.export, name="export"),
    path("<int:year>/offentlig.<str:fmt>", views_figures.export_public, name="export_public"),
    path("<int:year>/vedtak/", views_figures.decision, name="decision"),
    path("<int:year>/kart/", views_overview.map_view, name="map"),
    path("<int:year>/diagram/", views_overview.charts, name="charts"),
]

# The scenario, criteria and recommendation pages live in the same namespace.
urlpatterns += urls_scenarios.urlpatterns
