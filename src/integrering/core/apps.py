from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "integrering.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from integrering.core import audit, checks  # noqa: F401 — registers the system checks
        from integrering.core.mail import checks as mail_checks  # noqa: F401 — registers the e-mail checks

        audit.register_models()
        # The pure cores translate with Django's gettext from now on: the active language applies.
        from django.utils import translation

        from integrering import i18n

        i18n.translator_set(translation.gettext, translation.ngettext)
