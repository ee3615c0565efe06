"""The county's integration plan: focus areas, goals, measures, indicators, period reports, the annual report."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "integrering.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import (
            NavLink,
            demo_register,
            measure_tags_register,
            navigation_register,
            start_panel_register,
        )
        from integrering.plans import demo, models, start, tags

        for model in (
            models.Plan,
            models.FocusArea,
            models.Goal,
            models.Measure,
            models.Indicator,
            models.PeriodReport,
            models.SectionIntroduction,
        ):
            track(model)
        navigation_register(
            key="plans",
            label=_("Plans"),
            order=600,
            links=[
                NavLink(_("Plans"), "plans:list", Perm.VIEW_PLANS),
                NavLink(_("Annual report"), "plans:annual_report", Perm.VIEW_PLANS),
            ],
        )
        start_panel_register(key="plans-owner", order=15, render=start.owner_panel)
        start_panel_register(key="plans-leader", order=16, render=start.leader_panel)
        measure_tags_register(tags.measure_tags)
        demo_register(key="plans", order=900, load=demo.load)
