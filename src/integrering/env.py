"""Typed helpers that read settings from environment variables and reject bad values.

A bad value stops start-up with a message that names the variable, rather than
silently falling back to a default.
"""

import os
from typing import overload


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
    raise ConfigError(f"{name} må være 0 eller 1 (fikk «{raw}»).")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} må være et heltall (fikk «{raw}»).") from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} må være minst {minimum} (fikk {value}).")
    return value


@overload
def env_str(name: str, default: str, *, required: bool = False) -> str: ...
@overload
def env_str(name: str, default: None = None, *, required: bool = False) -> str | None: ...
def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        if required:
            raise ConfigError(f"{name} må være satt.")
        return default
    return raw.strip()


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError(f"{name} må inneholde minst én verdi, skilt med komma.")
    return items


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (upper case), read case-insensitively: ``debug`` and ``DEBUG`` are the same."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().upper()
    if value not in choices:
        raise ConfigError(f"{name} må være en av {', '.join(choices)} (fikk «{raw}»).")
    return value
