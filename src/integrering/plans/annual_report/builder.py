"""The annual report, written from the data: one section per app registered in ``core.registry`` (built by the
same selector as that app's own export) and the plan's own section. A section with no data for the year says so
(``data`` None and a sentence); it is never filled with zeros.

    annual_report_build(*, county, year) -> {"county", "year", "sections": {key: Section}}
    Section: {"title", "introduction", "data": dict | None, "note": str | None}
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from integrering.core.registry import report_figure, report_sections
from integrering.plans.annual_report.models import SectionIntroduction
from integrering.plans.indicators.models import Indicator
from integrering.plans.indicators.selectors import indicator_series, indicator_source
from integrering.plans.measures.models import Light, Measure, MeasureStatus
from integrering.plans.plans.models import Plan
from integrering.plans.reports.snapshot import _number

# The sections the report always has, in this order (an app that is not installed: «no data»).
SECTION_KEYS = ("settlement", "guidance", "grants", "regional", "plan")


def section_titles() -> dict[str, str]:
    titles = {
        "settlement": _("Settlement"),
        "guidance": _("Career guidance and § 30"),
        "grants": _("Grants"),
        "regional": _("Regional work"),
        "plan": _("The plan"),
    }
    titles.update({s.key: str(s.label) for s in report_sections()})
    return titles


def plan_section(*, county: Any, year: int) -> dict[str, Any] | None:
    """Measures per status and light, and indicators against the year's target, of the plans in force that year."""
    plans = list(Plan.objects.for_county(county).filter(first_year__lte=year, last_year__gte=year).order_by("pk"))
    if not plans:
        return None
    measures = Measure.objects.filter(goal__focus_area__plan__in=plans)
    counts = measures.aggregate(
        total=Count("pk"),
        **{f"status_{v}": Count("pk", filter=Q(status=v)) for v in MeasureStatus.values},
        **{f"light_{v}": Count("pk", filter=Q(light=v)) for v in Light.values},
    )
    indicators = []
    memo: dict[tuple, Any] = {}
    for indicator in (
        Indicator.objects.filter(goal__focus_area__plan__in=plans)
        .select_related("goal__focus_area__plan__county")
        .prefetch_related("targets", "values")
        .order_by("goal__focus_area__plan_id", "goal__identifier", "name")
    ):
        point = indicator_series(indicator, years=[year], memo=memo)[0]
        indicators.append(
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "source": indicator_source(indicator),
                "target": _number(point.target),
                "value": _number(point.value),
            }
        )
    return {
        "plans": [p.title for p in plans],
        "measures": counts["total"],
        "per_status": {v: counts[f"status_{v}"] for v in MeasureStatus.values},
        "per_light": {v: counts[f"light_{v}"] for v in Light.values},
        "indicators": indicators,
    }


def annual_report_build(*, county: Any, year: int) -> dict[str, Any]:
    builders = {s.key: s.build for s in report_sections()}
    builders["plan"] = plan_section
    keys = [*SECTION_KEYS, *(k for k in builders if k not in SECTION_KEYS)]
    titles = section_titles()
    introductions = dict(
        SectionIntroduction.objects.for_county(county).filter(year=year).values_list("section", "text")
    )
    sections = {}
    for key in keys:
        build = builders.get(key)
        data = build(county=county, year=year) if build is not None else None
        sections[key] = {
            "title": titles.get(key, key),
            "introduction": introductions.get(key, ""),
            "data": data,
            "note": None
            if data is not None
            else _("The county has no data for %(year)s in this area.") % {"year": year},
        }
    # Figures (the settlement map) drawn by the section's app from the same data; the page and the PDF show them.
    figures = {}
    for key, section in sections.items():
        figure = report_figure(key)
        if figure is not None and section["data"] is not None:
            figures[key] = figure.render(county=county, year=year, data=section["data"])
    return {"county": county.name, "year": year, "sections": sections, "figures": figures}
