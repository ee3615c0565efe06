"""``integrering calibrate``: a thin wrapper around the pure engine's command line."""

from django.utils.translation import gettext_lazy

from .allocate import EngineCommand


class Command(EngineCommand):
    help = gettext_lazy("Find parameters that reproduce last year's figures (see «integrering calibrate --help»).")  # type: ignore[assignment]  # lazy help: django-stubs types help as str
