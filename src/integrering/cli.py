"""The ``integrering`` command: Django's management commands with the project's settings preset."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integrering.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from integrering.env import ConfigError

    try:
        settings.INSTALLED_APPS  # noqa: B018 — load the settings now, so a bad variable is reported plainly
    except ConfigError as error:
        print(f"integrering: konfigurasjonsfeil: {error}", file=sys.stderr)
        sys.exit(2)
    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":  # pragma: no cover
    main()
