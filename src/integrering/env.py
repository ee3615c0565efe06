"""Typed helpers that read settings from environment variables and reject bad values.

A bad value stops start-up with a message that names the variable, rather than
silently falling back to a default.
"""

import os
from typing import overload

from integrering.i18n import gettext as _


class ConfigError(Exception):
    """An environment variable holds a value the application cannot use."""


_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nei", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(_("%(name)s must be 0 or 1 (got «%(value)s»).") % {"name": name, "value": raw})


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(
            _("%(name)s must be a whole number (got «%(value)s»).") % {"name": name, "value": raw}
        ) from None
    if minimum is not None and value < minimum:
        raise ConfigError(
            _("%(name)s must be at least %(minimum)s (got %(value)s).")
            % {"name": name, "minimum": minimum, "value": value}
        )
    return value


@overload
def env_str(name: str, default: str, *, required: bool = False) -> str: ...
@overload
def env_str(name: str, default: None = None, *, required: bool = False) -> str | None: ...
def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        if required:
            raise ConfigError(_("%(name)s must be set.") % {"name": name})
        return default
    return raw.strip()


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError(_("%(name)s must contain at least one value, separated by commas.") % {"name": name})
    return items


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (upper case), read case-insensitively: ``debug`` and ``DEBUG`` are the same."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().upper()
    if value not in choices:
        raise ConfigError(
            _("%(name)s must be one of %(choices)s (got «%(value)s»).")
            % {"name": name, "choices": ", ".join(choices), "value": raw}
        )
    return value
