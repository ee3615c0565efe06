from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "integrering.guidance"
    label = "guidance"
    verbose_name = "Karriereveiledning"

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.guidance import models
        from integrering.guidance.sections import municipality_section
        from integrering.municipalities.services import municipality_page_section_register

        # The cached evaluation is derived data: changes to it are not audited, the facts are.
        # The identity number is never written to the audit log (masking would still show half of it).
        track(
            models.Participant,
            exclude_fields=[
                "national_id",
                "findings",
                "evaluated_on",
                "ruleset_version",
                "in_target_group",
                "decision_deadline",
                "last_activity_at",
            ],
        )
        for model in (models.Referral, models.GuidanceCase, models.GuidanceSession, models.TrainingEnrolment):
            track(model)
        municipality_page_section_register(municipality_section)
