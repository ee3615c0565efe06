"""Regional integration work: activities, guidance requests, organisations, sector partners."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionalConfig(AppConfig):
    name = "integrering.regional"
    label = "regional"
    verbose_name = _("Regional work")

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.regional import models

        tracked: list[type] = [
            models.Activity,
            models.FollowUpAction,
            models.ActivityAttachment,
            models.GuidanceRequest,
            models.Organisation,
            models.OrganisationContact,
            models.Partner,
            models.Agreement,
            models.Forum,
            models.Meeting,
            models.ActionPoint,
        ]
        for model in tracked:
            track(model)
        self._register()

    def _register(self) -> None:
        from integrering.core.permissions import Perm
        from integrering.core.registry import (
            NavLink,
            demo_register,
            linkable_register,
            metric_register,
            navigation_register,
            report_section_register,
            start_panel_register,
        )
        from integrering.municipalities.services import municipality_page_section_register
        from integrering.regional import demo, links, report, sections, start

        demo_register(key="regional", order=400, load=demo.load)
        municipality_page_section_register(sections.municipality_section)

        navigation_register(
            key="regional",
            label=_("Regional work"),
            order=400,
            links=[
                NavLink(_("Activities"), "regional:activities", Perm.VIEW_REGIONAL),
                NavLink(_("Map"), "regional:map", Perm.VIEW_REGIONAL),
                NavLink(_("Guidance requests"), "regional:requests", Perm.VIEW_REGIONAL),
                NavLink(_("Organisations"), "regional:organisations", Perm.VIEW_REGIONAL),
                NavLink(_("Partners and forums"), "regional:partners", Perm.VIEW_REGIONAL),
                NavLink(_("Ask for guidance"), "regional:own_requests", Perm.REQUEST_GUIDANCE),
            ],
        )
        linkable_register(
            key="regional.activity",
            label=_("Activity"),
            options=links.activity_options,
            describe=links.activity_describe,
        )
        report_section_register(
            key="regional", order=400, label=_("Regional integration work"), build=report.report_section
        )
        metric_register(
            key="regional.municipalities_reached",
            label=_("Municipalities reached by the county's regional activities"),
            source=_("Regional work: activities"),
            unit="",
            compute=report.municipalities_reached,
        )
        start_panel_register(key="regional-municipal", order=40, render=start.municipal_panel)
        start_panel_register(key="regional-contact", order=40, render=start.contact_panel)
        start_panel_register(key="regional-leader", order=40, render=start.leader_panel)
