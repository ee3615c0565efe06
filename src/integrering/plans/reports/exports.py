"""A period report as PDF (tagged) and XLSX (the tabular writers: formula-safe)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from integrering.core.pdf import html_pdf
from integrering.plans.reports.models import PeriodReport
from integrering.plans.reports.selectors import labelled, report_snapshot
from integrering.tabular import Sheet, write_xlsx


def report_pdf(report: PeriodReport) -> bytes:
    snapshot = report_snapshot(report)
    html = render_to_string(
        "plans/report_pdf.html", {"report": report, "snapshot": snapshot, "measures": labelled(snapshot)}
    )
    return html_pdf(html)


def report_xlsx(report: PeriodReport) -> bytes:
    snapshot = report_snapshot(report)
    measures: list[list[Any]] = [
        [
            m["identifier"],
            m["title"],
            m["goal"],
            m["status_label"],
            m["light_label"],
            m["light_comment"],
            (m["latest_update"] or {}).get("at", "")[:10],
            (m["latest_update"] or {}).get("text", ""),
        ]
        for m in labelled(snapshot)
    ]
    indicators = [
        [i["name"], i["unit"], i["source"], p["year"], p["target"], p["value"]]
        for i in snapshot["indicators"]
        for p in i["points"]
    ]
    return write_xlsx(
        [
            Sheet(
                _("Measures"),
                [
                    _("Number"),
                    _("Measure"),
                    _("Goal"),
                    _("Status"),
                    _("Traffic light"),
                    _("Comment on the traffic light"),
                    _("Last status update"),
                    _("Text"),
                ],
                measures,
            ),
            Sheet(
                _("Indicators"),
                [_("Indicator"), _("Unit"), _("Source"), _("Year"), _("Target"), _("Value")],
                indicators,
            ),
        ]
    )
