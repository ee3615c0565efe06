from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """The top layer: start page, log-in, user administration, the audit page and the composed navigation.

    Nothing below imports it. It composes what the other apps register in ``core.registry`` (navigation
    areas, start-page panels, demo data) and registers its own Administration area.
    """

    name = "integrering.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from integrering.accounts import start
        from integrering.core.permissions import Perm
        from integrering.core.registry import NavLink, navigation_register, start_panel_register

        navigation_register(
            key="administration",
            label=_("Administration"),
            order=900,
            links=[
                NavLink(_("Users"), "accounts:users", Perm.MANAGE_USERS),
                NavLink(_("Audit log"), "accounts:audit", Perm.VIEW_AUDIT),
                NavLink(_("Sent e-mail"), "core:sent_emails", Perm.MANAGE_EMAIL),
                NavLink(_("Letter settings"), "core:letter_settings", Perm.MANAGE_LETTERS),
            ],
        )
        start_panel_register(key="accounts-auditor", order=10, render=start.auditor_panel)
