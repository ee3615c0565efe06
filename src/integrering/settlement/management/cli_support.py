"""Norwegian errors for the settlement commands (``import-settlement``, ``export-settlement``).

argparse and the operating system speak English («invalid int value», «No such file or directory»);
a user of the command line gets the same kind of Norwegian message as in the application, and exit
status 2 for any bad input, without a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import errno
import sys
from typing import NoReturn

from integrering.allocation.cli_args import translate
from integrering.settlement.figures.sources import parse_date_text

OS_ERRORS = {
    errno.ENOENT: "filen eller mappen finnes ikke",
    errno.EACCES: "ingen tilgang",
    errno.EPERM: "ingen tilgang",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.ENOSPC: "ikke nok plass på disken",
    errno.EROFS: "filsystemet kan bare leses",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EEXIST: "finnes fra før",
}


def os_error_text(error: OSError) -> str:
    """A Norwegian reason for an operating-system error (the error number when we have no words for it)."""
    return OS_ERRORS.get(error.errno or 0, f"feil fra operativsystemet (nummer {error.errno})")


def fail(messages: list[str]) -> NoReturn:
    for message in messages:
        sys.stderr.write(message + "\n")
    sys.exit(2)


def plural(count: int, one: str, many: str) -> str:
    """«1 kommune», «2 kommuner»."""
    return f"{count} {one if count == 1 else many}"


def any_year_argument(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke et årstall (skriv for eksempel 2024)") from None


def year_argument(text: str) -> int:
    """A year a settlement year can be made for (2000–2100)."""
    year = any_year_argument(text)
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"året må være fra 2000 til 2100, ikke {year}")
    return year


def date_argument(text: str) -> datetime.date:
    parsed = parse_date_text(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke en dato (skriv dd.mm.åååå, for eksempel 15.10.2024)")
    return parsed


def source_argument(text: str) -> str:
    text = text.strip()
    if len(text) > 255:
        raise argparse.ArgumentTypeError(f"kilden er for lang ({len(text)} tegn, høyst 255)")
    return text


class NorwegianErrors:
    """A management command mixin: argparse's errors in Norwegian on stderr, exit status 2."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: _parser_error(parser, message)
        return parser


def _parser_error(parser: argparse.ArgumentParser, message: str) -> None:
    usage = parser.format_usage().replace("usage:", "bruk:", 1)
    fail([usage.rstrip(), f"{parser.prog}: feil: {translate(message)}", f"Se «{parser.prog} --help»."])
