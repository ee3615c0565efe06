from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "integrering.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from integrering.api import models
        from integrering.core.audit import track
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, navigation_register

        track(models.ApiToken, exclude_fields=["secret_hash"])  # not even the hash goes into the log
        navigation_register(
            key="api",
            label=_("API"),
            order=890,  # before «Administration», which comes last
            links=[NavLink(_("API tokens"), "api_tokens:list", Perm.MANAGE_USERS)],
        )
