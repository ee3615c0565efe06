"""``integrering calibrate``: a thin wrapper around the pure engine's command line."""

from .allocate import EngineCommand


class Command(EngineCommand):
    help = "Finn parametre som gjenskaper fjorårets tall (se «integrering calibrate --help»)."
