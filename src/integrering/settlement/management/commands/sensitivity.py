"""``integrering sensitivity``: a thin wrapper around the pure engine's command line."""

from django.utils.translation import gettext_lazy

from .allocate import EngineCommand


class Command(EngineCommand):
    help = gettext_lazy("Show how robust the distribution is (see «integrering sensitivity --help»).")  # type: ignore[assignment]  # lazy help: django-stubs types help as str
