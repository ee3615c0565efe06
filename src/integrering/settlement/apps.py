from django.apps import AppConfig


class SettlementConfig(AppConfig):
    name = "integrering.settlement"
    label = "settlement"
    verbose_name = "Bosetting"

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.municipalities.services import municipality_page_section_register
        from integrering.settlement import models
        from integrering.settlement.views_overview import municipality_section

        for model in (
            models.SettlementYear,
            models.SettlementFigure,
            models.CriterionDefinition,
            models.CriterionValue,
            models.Scenario,
            models.ScenarioRun,
            models.Recommendation,
        ):
            track(model)
        municipality_page_section_register(municipality_section)
