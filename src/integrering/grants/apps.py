from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "integrering.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, navigation_register
        from integrering.grants import models

        for model in (models.Scheme, models.Call):
            track(model)
        navigation_register(
            key="grants",
            label=_("Grants"),
            order=400,
            links=[NavLink(_("Grant schemes"), "grants:schemes", Perm.VIEW_GRANTS)],
        )
