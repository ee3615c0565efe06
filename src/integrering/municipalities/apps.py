from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "integrering.municipalities"
    label = "municipalities"
    verbose_name = "Kommuner"

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.municipalities.models import ContactAssignment

        track(ContactAssignment)
