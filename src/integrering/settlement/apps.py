from django.apps import AppConfig


class SettlementConfig(AppConfig):
    name = "integrering.settlement"
    label = "settlement"
    verbose_name = "Bosetting"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, demo_register, navigation_register, start_panel_register
        from integrering.municipalities.services import municipality_page_section_register
        from integrering.settlement import demo, models, start
        from integrering.settlement.figures.views import municipality_section

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
        navigation_register(
            key="settlement",
            label=_("Settlement"),
            order=200,
            links=[
                NavLink(_("Settlement years"), "settlement:years", Perm.VIEW_SETTLEMENT),
                NavLink(_("Distribution criteria"), "settlement:criteria", Perm.EDIT_SETTLEMENT),
            ],
        )
        demo_register(key="settlement", order=200, load=demo.load)
        start_panel_register(key="settlement-leader", order=20, render=start.leader_panel)
        start_panel_register(key="settlement-adviser", order=20, render=start.adviser_panel)
        start_panel_register(key="settlement-municipal", order=20, render=start.municipal_panel)
        # The plan (issue 14): the annual report's section, a metric for its indicators, years as linkable records.
        from integrering.core.registry import linkable_register, metric_register, report_section_register
        from integrering.settlement import annual

        report_section_register(key="settlement", order=10, label=_("Settlement"), build=annual.annual_section)
        metric_register(
            key="settlement.settled_share",
            label=_("Settled as a share of IMDi's request"),
            source=_("Settlement: the year's figures (export-settlement, Sum row)"),
            unit="%",
            compute=annual.settled_share,
        )
        linkable_register(
            key="settlement.year",
            label=_("Settlement year"),
            options=annual.year_options,
            describe=annual.year_describe,
        )
        # The annual report's settlement section shows the map of settled per municipality (page and PDF).
        from integrering.core.registry import report_figure_register

        report_figure_register(key="settlement", render=annual.annual_map)
