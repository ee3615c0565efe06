"""The regional pages, one namespace «regional» for every sub-domain's patterns."""

app_name = "regional"
urlpatterns: list = []
