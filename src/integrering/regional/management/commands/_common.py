"""Shared helpers of the regional commands. A broken rule is an ``ApplicationError``: the ``integrering`` command
prints its message and exits with status 2 (``integrering.cli``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.models import County

FORMATS = ("csv", "json")


def refuse(messages: list[str]) -> NoReturn:
    raise ApplicationError("\n".join(str(message) for message in messages))


def county_get(number: Any) -> County:
    county = County.objects.filter(number=str(number).strip().zfill(2)).first()
    if county is None:
        refuse([_("Unknown county number: %(number)s.") % {"number": number}])
    return county


def format_check(fmt: str) -> None:
    if fmt not in FORMATS:
        refuse([_("Unknown format «%(format)s»; use csv or json.") % {"format": fmt}])


def output_write(command: Any, content: bytes, output: str | None, message: str) -> None:
    """Write to ``output`` (then say so on standard error), or to standard output."""
    if not output:
        command.stdout.write(content.decode("utf-8"), ending="")
        return
    try:
        Path(output).write_bytes(content)
    except OSError as error:
        refuse([_("Could not write %(file)s: %(reason)s.") % {"file": output, "reason": error.strerror or error}])
    command.stderr.write(message)
