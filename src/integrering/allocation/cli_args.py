"""argparse in the user's language (bokmål): error messages (every error becomes :class:`InvalidInput`, exit 2), the
help's headings and ``-h``. Abbreviated options (``--tot`` for ``--total``) are not accepted."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

from integrering.i18n import gettext as _
from integrering.i18n import gettext_noop

from .errors import InvalidInput
from .methods import METHODS

FORMATS = ("csv", "json")

# argparse's own messages (English) and what the user is shown instead, through the catalogue.
_TRANSLATIONS: list[tuple[str, str]] = [
    (
        r"the following arguments are required: (?P<arguments>.*)",
        gettext_noop("these arguments are missing: %(arguments)s"),
    ),
    (r"unrecognized arguments: (?P<arguments>.*)", gettext_noop("unknown arguments: %(arguments)s")),
    (
        r"argument (?P<argument>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        gettext_noop("invalid value %(value)s for %(argument)s (valid: %(choices)s)"),
    ),
    (r"argument (?P<argument>\S+): expected one argument", gettext_noop("%(argument)s lacks a value")),
    (r"argument (?P<argument>\S+): expected at least one argument", gettext_noop("%(argument)s lacks a value")),
    (
        r"argument (?P<argument>\S+): expected (?P<count>\d+) arguments?",
        gettext_noop("%(argument)s takes %(count)s values"),
    ),
    (
        r"argument (?P<argument>\S+): ignored explicit argument (?P<value>.*)",
        gettext_noop("%(argument)s takes no value (got %(value)s)"),
    ),
    (
        r"argument (?P<argument>\S+): not allowed with argument (?P<other>.*)",
        gettext_noop("%(argument)s cannot be used together with %(other)s"),
    ),
    (
        r"one of the arguments (?P<arguments>.*) is required",
        gettext_noop("one of the arguments %(arguments)s is required"),
    ),
    (
        r"argument (?P<argument>\S+): invalid \S+ value: (?P<value>.*)",
        gettext_noop("invalid value %(value)s for %(argument)s"),
    ),
    (r"argument (?P<argument>\S+): (?P<message>.*)", "%(argument)s: %(message)s"),
    (r"ambiguous option: (?P<option>.*)", gettext_noop("ambiguous option: %(option)s")),
]


def translate(message: str) -> str:
    """argparse's English error message in the current language."""
    for pattern, template in _TRANSLATIONS:
        found = re.fullmatch(pattern, message)
        if found:
            return _(template) % found.groupdict()
    return message


class NorwegianFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class NorwegianParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(add_help=False, allow_abbrev=False, formatter_class=NorwegianFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help and exit"))

    def error(self, message: str) -> NoReturn:
        raise InvalidInput(_("%(message)s (see --help)") % {"message": translate(message)})


def choice(valid: tuple[str, ...], what: str) -> Callable[[str], str]:
    """A parser that accepts one of ``valid``; ``what`` (marked with gettext_noop) names the kind of value."""

    def parse(text: str) -> str:
        if text not in valid:
            raise argparse.ArgumentTypeError(
                _("unknown %(what)s «%(value)s»; valid values are %(valid)s")
                % {"what": _(what), "value": text, "valid": ", ".join(valid)}
            )
        return text

    return parse


def whole(minimum: int = 0, maximum: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_("«%(value)s» is not a whole number") % {"value": text}) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                _("«%(value)s» must be at least %(minimum)s") % {"value": text, "minimum": minimum}
            )
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(
                _("«%(value)s» cannot be greater than %(maximum)s") % {"value": text, "maximum": maximum}
            )
        return value

    return parse


def seconds(text: str) -> float:
    value = real(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(_("«%(value)s» must be a positive number of seconds") % {"value": text})
    return value


def real(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(_("«%(value)s» is not a number") % {"value": text}) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(_("«%(value)s» is not a finite number") % {"value": text})
    return value


def column_value(text: str) -> tuple[str, float]:
    column, sep, value = text.partition("=")
    if not sep or not column.strip():
        raise argparse.ArgumentTypeError(_("«%(value)s» must have the form COLUMN=NUMBER") % {"value": text})
    return column.strip().lower(), real(value)


method_choice = choice(tuple(METHODS), gettext_noop("method"))
format_choice = choice(FORMATS, gettext_noop("format"))
