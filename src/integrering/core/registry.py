"""Small registries through which the apps above ``core`` offer something upwards.

``core`` is the bottom layer and imports no other app. An app that has a navigation entry, demo data, a
start-page panel or a kind of read to log registers it here from its ``AppConfig.ready()``; the top layer
(``accounts``) composes what is registered. Nothing here looks an app up by name, so a missing app is
simply not registered, never papered over.

Registering the same key twice replaces the first entry (``ready()`` may run more than once in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django.utils.functional import Promise

    from integrering.core.permissions import Perm

    Label = str | Promise


@dataclass(frozen=True)
class NavLink:
    label: Label
    url_name: str
    permission: Perm


@dataclass(frozen=True)
class NavArea:
    """One area of the main navigation (an area of responsibility, or administration)."""

    key: str
    label: Label
    order: int
    links: tuple[NavLink, ...]


@dataclass(frozen=True)
class DemoLoader:
    """An app's demo data: ``load(*, county, stdout)`` is called in ``order`` by ``load-demo-data``."""

    key: str
    order: int
    load: Callable[..., None]


@dataclass(frozen=True)
class StartPanel:
    """A panel of the start page: ``render(request)`` returns ``(template, context)`` or None (nothing to show)."""

    key: str
    order: int
    render: Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]


_NAVIGATION: dict[str, NavArea] = {}
_DEMO: dict[str, DemoLoader] = {}
_START_PANELS: dict[str, StartPanel] = {}
_READ_ACTIONS: dict[str, Label] = {}


def navigation_register(*, key: str, label: Label, order: int, links: list[NavLink]) -> None:
    _NAVIGATION[key] = NavArea(key=key, label=label, order=order, links=tuple(links))


def navigation_areas() -> list[NavArea]:
    return sorted(_NAVIGATION.values(), key=lambda area: (area.order, area.key))


def demo_register(*, key: str, order: int, load: Callable[..., None]) -> None:
    _DEMO[key] = DemoLoader(key=key, order=order, load=load)


def demo_loaders() -> list[DemoLoader]:
    return sorted(_DEMO.values(), key=lambda loader: (loader.order, loader.key))


def start_panel_register(
    *, key: str, order: int, render: Callable[[HttpRequest], tuple[str, dict[str, Any]] | None]
) -> None:
    _START_PANELS[key] = StartPanel(key=key, order=order, render=render)


def start_panels() -> list[StartPanel]:
    return sorted(_START_PANELS.values(), key=lambda panel: (panel.order, panel.key))


def read_action_register(code: str, label: Label) -> None:
    """How the audit page names a kind of read of personal data (``PersonalDataAccess.action``)."""
    _READ_ACTIONS[code] = label


def read_action_label(code: str) -> str:
    return str(_READ_ACTIONS.get(code, code))
