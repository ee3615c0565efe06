"""System checks for an installation: the front-end assets are there, and (in production) collected.

Without them every page fails: in production the manifest storage raises for a missing entry (a 500 on
every page), in development the pages lose their look. ``check --deploy`` fails on either.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, register

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
            f"Designsystemet-CSS mangler ({', '.join(missing)}): sidene får ikke sitt utseende, og i produksjon "
            "gir hver side feil 500.",
            hint=f"Kjør «npm ci» i {settings.BASE_DIR}, eller sett INTEGRERING_BASE_DIR til mappen der node_modules/ "
            "ligger; kjør så «integrering collectstatic --noinput».",
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
            f"De statiske filene er ikke samlet i {settings.STATIC_ROOT} (mangler {', '.join(missing)}).",
            hint="Kjør «integrering collectstatic --noinput» med de samme miljøvariablene som tjenesten.",
            id="integrering.E002",
        )
    ]
