"""Norwegian errors for the settlement commands (``import-settlement``, ``export-settlement``).

argparse and the operating system speak English («invalid int value», «No such file or directory»);
a user of the command line gets the same kind of Norwegian message as in the application, and exit
status 2 for any bad input, without a traceback: every failure is raised as an ``ApplicationError``
(:class:`~integrering.settlement.errors.CommandError`) and ``integrering.cli`` prints it and exits 2.
"""

from __future__ import annotations

import argparse
import datetime
import errno
from collections.abc import Sequence
from typing import NoReturn

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from integrering.allocation.cli_args import translate
from integrering.allocation.wording import whole
from integrering.settlement.errors import CommandError
from integrering.settlement.figures.sources import parse_date_text

OS_ERRORS = {
    errno.ENOENT: gettext_lazy("the file or folder does not exist"),
    errno.EACCES: gettext_lazy("no access"),
    errno.EPERM: gettext_lazy("no access"),
    errno.EISDIR: gettext_lazy("it is a folder, not a file"),
    errno.ENOTDIR: gettext_lazy("a part of the path is not a folder"),
    errno.ENOSPC: gettext_lazy("not enough space on the disk"),
    errno.EROFS: gettext_lazy("the file system is read-only"),
    errno.ENAMETOOLONG: gettext_lazy("the name is too long"),
    errno.EEXIST: gettext_lazy("already exists"),
}


def os_error_text(error: OSError) -> str:
    """A Norwegian reason for an operating-system error (the error number when we have no words for it)."""
    if error.errno in OS_ERRORS:
        return str(OS_ERRORS[error.errno])
    return _("error from the operating system (number %(number)s)") % {"number": error.errno}


def fail(messages: Sequence[str | Promise]) -> NoReturn:
    """Stop the command with these lines as the message: an :class:`ApplicationError` (``CommandError``), which
    the ``integrering`` command prints before exiting with status 2."""
    raise CommandError("\n".join(str(m) for m in messages))


def municipalities_text(count: int) -> str:
    """«1 kommune», «2 kommuner»."""
    return ngettext("%(count)s municipality", "%(count)s municipalities", count) % {"count": whole(count)}


def values_text(count: int) -> str:
    """«1 verdi», «2 verdier»."""
    return ngettext("%(count)s value", "%(count)s values", count) % {"count": whole(count)}


def any_year_argument(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("«%(text)s» is not a year (write for example 2024)") % {"text": text}
        ) from None


def year_argument(text: str) -> int:
    """A year a settlement year can be made for (2000–2100)."""
    year = any_year_argument(text)
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(_("the year must be from 2000 to 2100, not %(year)s") % {"year": year})
    return year


def date_argument(text: str) -> datetime.date:
    parsed = parse_date_text(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(
            _("«%(text)s» is not a date (write dd.mm.yyyy, for example 15.10.2024)") % {"text": text}
        )
    return parsed


def source_argument(text: str) -> str:
    text = text.strip()
    if len(text) > 255:
        raise argparse.ArgumentTypeError(
            _("the source is too long (%(length)s characters, at most 255)") % {"length": len(text)}
        )
    return text


class NorwegianErrors:
    """A management command mixin: argparse's errors in Norwegian on stderr, exit status 2."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: _parser_error(parser, message)
        return parser


def _parser_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    usage = parser.format_usage().replace("usage:", _("usage:"), 1)
    fail(
        [
            usage.rstrip(),
            _("%(prog)s: error: %(message)s") % {"prog": parser.prog, "message": translate(message)},
            _("See «%(prog)s --help».") % {"prog": parser.prog},
        ]
    )
