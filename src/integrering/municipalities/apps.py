from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MunicipalitiesConfig(AppConfig):
    name = "integrering.municipalities"
    label = "municipalities"
    verbose_name = gettext_lazy("Municipalities")

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, navigation_register, start_panel_register
        from integrering.municipalities.models import ContactAssignment
        from integrering.municipalities.views import start_panel

        track(ContactAssignment, exclude_fields=["version"])
        navigation_register(
            key="municipalities",
            label=_("Municipalities"),
            order=100,
            links=[
                NavLink(_("Municipalities"), "municipalities:list", Perm.VIEW_MUNICIPALITIES),
                NavLink(_("Contact persons"), "municipalities:contacts", Perm.VIEW_MUNICIPALITIES),
            ],
        )
        start_panel_register(key="municipalities", order=100, render=start_panel)
