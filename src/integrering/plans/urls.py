"""The plans pages, one namespace «plans» for every sub-domain's patterns."""

app_name = "plans"
urlpatterns: list = []
