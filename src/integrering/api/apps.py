from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "integrering.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from integrering.api import models
        from integrering.core.audit import track

        track(models.ApiToken)
