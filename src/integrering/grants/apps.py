from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "integrering.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import (
            NavLink,
            demo_register,
            linkable_register,
            metric_register,
            municipality_grants_register,
            navigation_register,
            report_section_register,
            start_panel_register,
        )
        from integrering.grants import demo, models, start
        from integrering.grants.calls.selectors import call_link_describe, call_link_options
        from integrering.grants.exports.selectors import grants_granted, grants_paid, grants_section

        for model in (models.Scheme, models.Call, models.Organisation, models.Application):
            track(model)
        track(models.DecisionLetter)
        navigation_register(
            key="grants",
            label=_("Grants"),
            order=400,
            links=[
                NavLink(_("Grant schemes"), "grants:schemes", Perm.VIEW_GRANTS),
                NavLink(_("My applications"), "grants:mine", Perm.APPLY_GRANTS),
                NavLink(_("Grants in the municipality"), "grants:municipal", Perm.VIEW_MUNICIPAL_GRANTS),
            ],
        )
        demo_register(key="grants", order=400, load=demo.load)
        start_panel_register(key="grants-caseworker", order=40, render=start.caseworker_panel)
        start_panel_register(key="grants-leader", order=45, render=start.leader_panel)
        start_panel_register(key="grants-applicant", order=40, render=start.applicant_panel)
        start_panel_register(key="grants-followup", order=41, render=start.followup_panel)
        track(models.Report)
        track(models.Reclaim)
        start_panel_register(key="grants-municipal", order=48, render=start.municipal_panel)
        # One selector: the command's rows, the XLSX and the annual report's section agree by construction.
        report_section_register(key="grants", order=400, label=_("Grants"), build=grants_section)
        metric_register(
            key="grants.granted", label=_("Grants awarded (kr)"), source=_("Grants"), unit="kr", compute=grants_granted
        )
        metric_register(
            key="grants.paid", label=_("Grants paid out (kr)"), source=_("Grants"), unit="kr", compute=grants_paid
        )
        linkable_register(
            key="grants.call", label=_("Grant call"), options=call_link_options, describe=call_link_describe
        )
        from integrering.core.registry import GRANT_KIND
        from integrering.grants import links

        linkable_register(
            key=GRANT_KIND, label=_("Grant"), options=links.grant_link_options, describe=links.grant_link_describe
        )
        municipality_grants_register(links.municipality_grants)
