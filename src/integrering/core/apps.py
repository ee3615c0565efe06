from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "integrering.core"
    label = "core"
    verbose_name = "Kjerne"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from integrering.core import audit, checks  # noqa: F401 — registers the system checks
        from integrering.core.mail import checks as mail_checks  # noqa: F401 — registers the e-mail checks
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, navigation_register

        audit.register_models()
        navigation_register(
            key="administration",
            label=_("Administration"),
            order=900,
            links=[
                NavLink(_("Users"), "core:users", Perm.MANAGE_USERS),
                NavLink(_("Audit log"), "core:audit", Perm.VIEW_AUDIT),
                NavLink(_("Sent e-mail"), "core:sent_emails", Perm.MANAGE_EMAIL),
            ],
        )
