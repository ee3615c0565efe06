"""``integrering sensitivity``: a thin wrapper around the pure engine's command line."""

from .allocate import EngineCommand


class Command(EngineCommand):
    help = "Vis hvor robuste fordelingstallene er (se «integrering sensitivity --help»)."
