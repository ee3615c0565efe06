"""The ``integrering`` command: Django's management commands with the project's settings preset.

``allocate``, ``calibrate`` and ``sensitivity`` (and ``help`` for them) go straight to the pure
allocation engine's command line, without configuring Django: they need no database, no secret
key and no ``DJANGO_DEBUG``.
"""

import os
import sys
from pathlib import Path

ENGINE_COMMANDS = ("allocate", "calibrate", "sensitivity")


def _engine_arguments(argv: list[str]) -> list[str] | None:
    """The engine's arguments when ``argv`` is one of its commands, else None."""
    if len(argv) > 1 and argv[1] in ENGINE_COMMANDS:
        return argv[1:]
    if len(argv) > 2 and argv[1] == "help" and argv[2] in ENGINE_COMMANDS:
        return [argv[2], "--help"]
    return None


def main(argv: list[str] | None = None) -> None:
    argv = list(argv if argv is not None else sys.argv)
    engine = _engine_arguments(argv)
    if engine is not None:
        from integrering.allocation import cli

        sys.exit(cli.main(engine, prog=Path(argv[0]).name or "integrering"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integrering.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from integrering.env import ConfigError

    try:
        settings.INSTALLED_APPS  # noqa: B018 — load the settings now, so a bad variable is reported plainly
    except ConfigError as error:
        from integrering.i18n import gettext as _

        kind = _("configuration error")
        print(f"integrering: {kind}: {error}", file=sys.stderr)
        sys.exit(2)
    _run_management_command(execute_from_command_line, argv)


def _run_management_command(execute, argv: list[str]) -> None:
    """Run a management command; a database that cannot be reached is a plain message and exit 2."""
    from django.db.utils import InterfaceError, OperationalError

    from integrering.core.exceptions import ApplicationError

    try:
        execute(argv)
    except ApplicationError as error:
        # The one error protocol: a broken rule is a message in the user's words and exit status 2.
        print(f"integrering: {error.user_message}", file=sys.stderr)
        sys.exit(2)
    except (OperationalError, InterfaceError) as error:
        from integrering.i18n import gettext as _

        kind = _("database error")
        print(f"integrering: {kind}: {_without_password(str(error).strip())}", file=sys.stderr)
        print(
            _(
                "Check DATABASE_URL (for SQLite: that the folder exists, see INTEGRERING_VAR_DIR), that the database "
                "server is running, and that the database is migrated (integrering migrate)."
            ),
            file=sys.stderr,
        )
        sys.exit(2)


def _without_password(message: str) -> str:
    from django.conf import settings

    password = settings.DATABASES["default"].get("PASSWORD")
    return message.replace(password, "***") if password else message


if __name__ == "__main__":  # pragma: no cover
    main()
