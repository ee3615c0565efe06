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


# --- The annual report and the plan's links (issue 14) ---------------------------------------------------------
#
# The annual report (``plans``) is written from the other apps' data without importing them: each domain app
# registers a section builder. ``build(*, county, year)`` returns a JSON-able dict computed by the **same selector**
# as the app's own export (one source of truth), or None when the app holds no data for that year (the report then
# says so; it never fills a section with zeros).


@dataclass(frozen=True)
class ReportSection:
    key: str
    order: int
    label: Label
    build: Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class LinkableKind:
    """Records of a domain app that a plan measure can serve-link (an activity, a grant call, a settlement year).

    ``options(*, county)`` → ``[(object_id, label)]`` to choose from; ``describe(*, county, ids)`` →
    ``{object_id: (label, url)}`` for the ones linked (ids that no longer exist are left out).
    """

    key: str
    label: Label
    options: Callable[..., list[tuple[int, str]]]
    describe: Callable[..., dict[int, tuple[str, str]]]


_REPORT_SECTIONS: dict[str, ReportSection] = {}
_LINKABLE: dict[str, LinkableKind] = {}
# Set by ``plans``: tags(*, user, kind, object_id) → ([(measure label, url)], url to edit the tags or None).
_MEASURE_TAGS: list[Callable[..., tuple[list[tuple[str, str]], str | None]]] = []


def report_section_register(*, key: str, order: int, label: Label, build: Callable[..., dict[str, Any] | None]) -> None:
    _REPORT_SECTIONS[key] = ReportSection(key=key, order=order, label=label, build=build)


def report_sections() -> list[ReportSection]:
    return sorted(_REPORT_SECTIONS.values(), key=lambda section: (section.order, section.key))


def linkable_register(
    *,
    key: str,
    label: Label,
    options: Callable[..., list[tuple[int, str]]],
    describe: Callable[..., dict[int, tuple[str, str]]],
) -> None:
    _LINKABLE[key] = LinkableKind(key=key, label=label, options=options, describe=describe)


def linkable_kinds() -> list[LinkableKind]:
    return sorted(_LINKABLE.values(), key=lambda kind: kind.key)


def linkable_kind(key: str) -> LinkableKind | None:
    return _LINKABLE.get(key)


def measure_tags_register(tags: Callable[..., tuple[list[tuple[str, str]], str | None]]) -> None:
    _MEASURE_TAGS[:] = [tags]


def measure_tags(*, user: Any, kind: str, object_id: int) -> tuple[list[tuple[str, str]], str | None]:
    """The plan measures a record serves, for its page; nothing when the plans app is not installed."""
    if not _MEASURE_TAGS:
        return [], None
    return _MEASURE_TAGS[0](user=user, kind=kind, object_id=object_id)


@dataclass(frozen=True)
class Metric:
    """A figure computed from an app's own data, for the plan's automatic indicators (issue 14).

    ``compute(*, county, year)`` → a number, or None when the app holds no data for that year (never 0 for
    "unknown"). ``source`` names where it comes from (shown next to the indicator), ``unit`` e.g. "%" or "".
    """

    key: str
    label: Label
    source: Label
    unit: str
    compute: Callable[..., float | int | None]


_METRICS: dict[str, Metric] = {}


def metric_register(
    *, key: str, label: Label, source: Label, unit: str, compute: Callable[..., float | int | None]
) -> None:
    _METRICS[key] = Metric(key=key, label=label, source=source, unit=unit, compute=compute)


def metrics() -> list[Metric]:
    return sorted(_METRICS.values(), key=lambda metric: metric.key)


def metric(key: str) -> Metric | None:
    return _METRICS.get(key)


# --- Grants on other apps' pages (issue 13) -------------------------------------------------------------------
#
# A regional activity names the grant that funded it through the linkable kind ``grants.application`` (above). The
# municipality page's regional tab lists the grants where the municipality is the applicant or involved, through a
# provider the grants app registers: ``provider(*, user, municipality)`` → ``[MunicipalityGrant]``.

GRANT_KIND = "grants.application"


@dataclass(frozen=True)
class MunicipalityGrant:
    label: str
    url: str  # "" when the user may not open the case
    year: int
    status: str
    amount: int | None  # the amount granted, None while not granted
    applicant: bool  # the municipality applied itself (otherwise it is among those involved)


_MUNICIPALITY_GRANTS: list[Callable[..., list[MunicipalityGrant]]] = []


def municipality_grants_register(provider: Callable[..., list[MunicipalityGrant]]) -> None:
    _MUNICIPALITY_GRANTS[:] = [provider]


def municipality_grants(*, user: Any, municipality: Any) -> list[MunicipalityGrant] | None:
    """The municipality's grants, or None when the grants app is not installed (the page then says nothing)."""
    if not _MUNICIPALITY_GRANTS:
        return None
    return _MUNICIPALITY_GRANTS[0](user=user, municipality=municipality)


# --- Figures in the annual report (issue 14) -------------------------------------------------------------------
#
# A section may come with a figure drawn by its own app from the section's data (settlement: the map of settled per
# municipality). ``render(*, county, year, data)`` → SVG markup, already escaped and marked safe by the app's
# template, or None; the page and the PDF show it, the JSON and the DOCX do not.


@dataclass(frozen=True)
class ReportFigure:
    key: str  # the section's key
    render: Callable[..., str | None]


_REPORT_FIGURES: dict[str, ReportFigure] = {}


def report_figure_register(*, key: str, render: Callable[..., str | None]) -> None:
    _REPORT_FIGURES[key] = ReportFigure(key=key, render=render)


def report_figure(key: str) -> ReportFigure | None:
    return _REPORT_FIGURES.get(key)
