"""System checks for an installation: the front-end assets are there, and (in production) collected.

Without them every page fails: in production the manifest storage raises for a missing entry (a 500 on
every page), in development the pages lose their look. ``check --deploy`` fails on either.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, register
from django.utils.translation import gettext as _

# The stylesheets base.html links; the first two come from the npm package @digdir/designsystemet-css.
VENDOR_ASSETS = ("vendor/designsystemet/theme/designsystemet.css", "vendor/designsystemet/src/index.css")
OWN_ASSETS = ("css/app.css", "js/app.js")


@register()
def vendor_assets_check(app_configs=None, **kwargs) -> list[Error]:
    missing = [path for path in VENDOR_ASSETS if not finders.find(path)]
    if not missing:
        return []
    return [
        Error(
            _(
                "The Designsystemet CSS is missing (%(missing)s): the pages lose their look, and in production "
                "every page fails with error 500."
            )
            % {"missing": ", ".join(missing)},
            hint=_(
                "Run «npm ci» in %(base_dir)s, or set INTEGRERING_BASE_DIR to the directory that holds "
                "node_modules/; then run «integrering collectstatic --noinput»."
            )
            % {"base_dir": settings.BASE_DIR},
            id="integrering.E001",
        )
    ]


@register(deploy=True)
def collected_static_check(app_configs=None, **kwargs) -> list[Error]:
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return []
    missing = []
    for path in VENDOR_ASSETS + OWN_ASSETS:
        try:
            staticfiles_storage.stored_name(path)
        except ValueError:
            missing.append(path)
    if not missing:
        return []
    return [
        Error(
            _("The static files are not collected in %(root)s (missing %(missing)s).")
            % {"root": settings.STATIC_ROOT, "missing": ", ".join(missing)},
            hint=_("Run «integrering collectstatic --noinput» with the same environment variables as the service."),
            id="integrering.E002",
        )
    ]
