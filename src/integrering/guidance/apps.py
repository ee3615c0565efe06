from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "integrering.guidance"
    label = "guidance"
    verbose_name = _("Career guidance")

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, demo_register, navigation_register, start_panel_register
        from integrering.guidance import demo, models, start
        from integrering.guidance.compliance.sections import municipality_section
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
        # A participant's records: the audit page masks their values for readers without access to participants.
        from integrering.core.audit import personal_record_register

        personal_record_register(models.Participant, participant="pk")
        for model in (models.Referral, models.GuidanceCase, models.TrainingEnrolment):
            personal_record_register(model, participant="participant_id")
        personal_record_register(models.GuidanceSession, participant="case.participant_id")
        municipality_page_section_register(municipality_section)
        navigation_register(
            key="guidance",
            label=_("Career guidance"),
            order=300,
            links=[
                NavLink(_("Queue"), "guidance:queue", Perm.MANAGE_GUIDANCE),
                NavLink(_("Participants"), "guidance:participants", Perm.VIEW_PARTICIPANTS),
                NavLink(_("Norwegian training (§ 30)"), "guidance:training", Perm.MANAGE_TRAINING),
                NavLink(_("Compliance"), "guidance:compliance", Perm.VIEW_COMPLIANCE),
            ],
        )
        demo_register(key="guidance", order=300, load=demo.load)
        start_panel_register(key="guidance-leader", order=30, render=start.leader_panel)
        start_panel_register(key="guidance-counsellor", order=30, render=start.counsellor_panel)
        start_panel_register(key="guidance-municipal", order=30, render=start.municipal_panel)
        start_panel_register(key="guidance-coordinator", order=30, render=start.coordinator_panel)
        # The plan (issue 14): the annual report's section and a metric for its indicators.
        from integrering.core.registry import metric_register, report_section_register
        from integrering.guidance.compliance import annual

        report_section_register(
            key="guidance", order=20, label=_("Career guidance and § 30"), build=annual.annual_section
        )
        metric_register(
            key="guidance.guided_before_decision",
            label=_("Share guided before the programme decision"),
            source=_("Career guidance: the compliance figures"),
            unit="%",
            compute=annual.guided_before_decision_share,
        )
