"""Typed helpers that read settings from environment variables and reject bad values.

The messages are for the operator who starts the service, in English: they are raised while the settings
load, before translations can be.

A bad value stops start-up with a message that names the variable, rather than
silently falling back to a default.
"""

import ipaddress
import os


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
    raise ConfigError(f"{name} must be 0 or 1 (got «{raw}»).")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number (got «{raw}»).") from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} must be at least {minimum} (got {value}).")
    return value


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        if required:
            raise ConfigError(f"{name} must be set.")
        return default
    return raw.strip()


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError(f"{name} must hold at least one value, separated by commas.")
    return items


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (upper case), read case-insensitively: ``debug`` and ``DEBUG`` are the same."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().upper()
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)} (got «{raw}»).")
    return value


def env_networks(name: str, default: list[str]) -> list[str]:
    """IP addresses or networks separated by commas (``127.0.0.1,::1,10.0.0.0/24``); empty means none."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ConfigError(
                f"{name} must list IP addresses or networks separated by commas (got «{item}»)."
            ) from None
    return items
