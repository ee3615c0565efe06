"""``integrering allocate``: a thin wrapper around the pure engine's command line.

Django's own option parser is bypassed so that the command-line contract (options,
Norwegian messages, exit status 2/3) is exactly that of :mod:`integrering.allocation.cli`.
``calibrate`` and ``sensitivity`` reuse :class:`EngineCommand`.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy

from integrering.allocation import cli


class EngineCommand(BaseCommand):
    def run_from_argv(self, argv):
        # argv[0] is the program, argv[1] the subcommand; the rest goes to the engine as is.
        sys.exit(cli.main(argv[1:], prog=Path(argv[0]).name or "integrering"))

    def print_help(self, prog_name, subcommand):
        # `integrering help allocate` shows the engine's own (Norwegian) help.
        cli.main([subcommand, "--help"], prog=Path(prog_name).name or "integrering")


class Command(EngineCommand):
    help = gettext_lazy("Distribute a total among the municipalities (see «integrering allocate --help»).")  # type: ignore[assignment]  # lazy help: django-stubs types help as str
