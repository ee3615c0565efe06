"""The grants pages, one namespace «grants» for every sub-domain's patterns."""

app_name = "grants"
urlpatterns: list = []
