"""argparse in Norwegian: error messages (every error becomes :class:`InvalidInput`, exit 2), the
help's headings and ``-h``. Abbreviated options (``--tot`` for ``--total``) are not accepted."""

from __future__ import annotations

import argparse
import re

from .errors import InvalidInput
from .methods import METHODS

FORMATS = ("csv", "json")

_TRANSLATIONS = [
    (r"the following arguments are required: (.*)", r"disse argumentene mangler: \1"),
    (r"unrecognized arguments: (.*)", r"ukjente argumenter: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"ugyldig verdi \2 for \1 (gyldige: \3)"),
    (r"argument (\S+): expected one argument", r"\1 mangler verdi"),
    (r"argument (\S+): expected at least one argument", r"\1 mangler verdi"),
    (r"argument (\S+): expected (\d+) arguments?", r"\1 skal ha \2 verdier"),
    (r"argument (\S+): ignored explicit argument (.*)", r"\1 tar ingen verdi (fikk \2)"),
    (r"argument (\S+): not allowed with argument (.*)", r"\1 kan ikke brukes sammen med \2"),
    (r"one of the arguments (.*) is required", r"ett av argumentene \1 må være med"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"ugyldig verdi \2 for \1"),
    (r"argument (\S+): (.*)", r"\1: \2"),
    (r"ambiguous option: (.*)", r"tvetydig valg: \1"),
]


def translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class NorwegianFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)


class NorwegianParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.update(add_help=False, allow_abbrev=False, formatter_class=NorwegianFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "posisjonsargumenter"
        self._optionals.title = "valg"
        self.add_argument("-h", "--help", action="help", help="vis denne hjelpen og avslutt")

    def error(self, message: str):  # type: ignore[override]
        raise InvalidInput(f"{translate(message)} (se --help)")


def choice(valid: tuple[str, ...], what: str):
    def parse(text: str) -> str:
        if text not in valid:
            raise argparse.ArgumentTypeError(f"ukjent {what} «{text}»; gyldige verdier er {', '.join(valid)}")
        return text

    return parse


def whole(minimum: int = 0, maximum: int | None = None):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"«{text}» er ikke et helt tall") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"«{text}» må være minst {minimum}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"«{text}» kan ikke være større enn {maximum}")
        return value

    return parse


def seconds(text: str) -> float:
    value = real(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"«{text}» må være et positivt antall sekunder")
    return value


def real(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke et tall") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"«{text}» er ikke et endelig tall")
    return value


def column_value(text: str) -> tuple[str, float]:
    column, sep, value = text.partition("=")
    if not sep or not column.strip():
        raise argparse.ArgumentTypeError(f"«{text}» må ha formen KOLONNE=TALL")
    return column.strip().lower(), real(value)


method_choice = choice(tuple(METHODS), "metode")
format_choice = choice(FORMATS, "format")
