from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "integrering.core"
    label = "core"
    verbose_name = "Kjerne"

    def ready(self) -> None:
        from integrering.core import audit, checks  # noqa: F401 — registers the system checks

        audit.register_models()
