"""The annual report as JSON, a tagged PDF and a DOCX (for editing in Word), from ``annual_report_build``."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from integrering.core.pdf import html_pdf
from integrering.core.templatetags.formatting import number
from integrering.plans.measures.models import Light, MeasureStatus

FORMATS = {
    "json": "application/json",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_json(report: dict[str, Any]) -> bytes:
    """The keys of the top level are the sections (``settlement``, ``guidance``, ``grants``, ``regional``,
    ``plan``), plus ``county`` and ``year``."""
    body = {"county": report["county"], "year": report["year"], **report["sections"]}
    return (json.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def _labels() -> dict[str, str]:
    """Headings for the sections' keys (the JSON keeps the keys; the PDF and DOCX show these)."""
    return {
        **{k: str(v) for k, v in (*MeasureStatus.choices, *Light.choices)},
        "sum": _("Sum"),
        "per_municipality": _("Per municipality"),
        "date": _("Date"),
        "participants": _("Participants"),
        "in_target_group": _("In the target group"),
        "right_and_duty_career_guidance": _("Right and duty to career guidance"),
        "findings": _("Findings"),
        "decided_in_year": _("Programme decided in the year"),
        "guided_before_decision": _("Of these, guided before the decision"),
        "plans": _("Plans"),
        "measures": _("Measures"),
        "per_status": _("Per status"),
        "per_light": _("Per traffic light"),
        "indicators": _("Indicators"),
        "name": _("Name"),
        "unit": _("Unit"),
        "source": _("Source"),
        "target": _("Target"),
        "value": _("Value"),
    }


def _label(key: str, labels: dict[str, str]) -> str:
    return labels.get(key, key)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _shown(value: Any, key: str = "") -> str:
    """A stored figure the Norwegian way: «12 345», «1,5», «31.12.2025» (the JSON keeps dates as ISO text);
    a year stays «2025», unknown is «–»."""
    if value is None:
        return "–"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value) if "year" in key.lower() else number(value)
    if isinstance(value, str) and (match := _ISO_DATE.match(value)):
        return f"{match[3]}.{match[2]}.{match[1]}"
    return str(value)


def _is_table(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _lines(value: Any, labels: dict[str, str], prefix: str = "", key: str = "") -> list[tuple[str, str]]:
    """A section's figures as (label, value) lines, nested dicts flattened («Per status › Pågår»); lists of
    records are left to :func:`_tables`."""
    lines: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if not _is_table(item):
                name = f"{prefix} › {_label(str(key), labels)}" if prefix else _label(str(key), labels)
                lines.extend(_lines(item, labels, name, str(key)))
    elif isinstance(value, list):
        lines.append((prefix, ", ".join(_shown(item, key) for item in value) or "–"))
    else:
        lines.append((prefix, _shown(value, key)))
    return lines


def _tables(data: dict[str, Any], labels: dict[str, str]) -> list[dict[str, Any]]:
    tables = []
    for key, value in data.items():
        if _is_table(value):
            header = list(value[0])
            tables.append(
                {
                    "title": _label(key, labels),
                    "header": [_label(h, labels) for h in header],
                    "rows": [[_shown(row.get(h), str(h)) for h in header] for row in value],
                }
            )
    return tables


def _sections(report: dict[str, Any]) -> list[dict[str, Any]]:
    labels = _labels()
    shown = []
    figures = report.get("figures") or {}
    for key, section in report["sections"].items():
        data = section["data"]
        shown.append(
            section
            | {
                "key": key,
                "lines": _lines(data, labels) if data is not None else [],
                "tables": _tables(data, labels) if data is not None else [],
                "figure": figures.get(key),
            }
        )
    return shown


def report_pdf(report: dict[str, Any]) -> bytes:
    return html_pdf(render_to_string("plans/annual_report_pdf.html", {"report": report, "sections": _sections(report)}))


def report_docx(report: dict[str, Any]) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = _("Annual report %(year)s") % {"year": report["year"]}
    document.add_heading(_("Integration in %(county)s %(year)s") % report, level=0)
    for section in _sections(report):
        document.add_heading(section["title"], level=1)
        if section["introduction"]:
            document.add_paragraph(section["introduction"])
        if section["note"]:
            document.add_paragraph(section["note"])
            continue
        _docx_table(document, [[label, value] for label, value in section["lines"]], None)
        for extra in section["tables"]:
            document.add_heading(extra["title"], level=2)
            _docx_table(document, extra["rows"], extra["header"])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _docx_table(document: Any, rows: list[list[str]], header: list[str] | None) -> None:
    """A table written cell by cell through the XML rows python-docx creates in one go (fast for many rows)."""
    body = ([header] if header else []) + rows
    if not body:
        return
    table = document.add_table(rows=len(body), cols=len(body[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, body, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def annual_report_render(report: dict[str, Any], fmt: str) -> bytes:
    return {"json": report_json, "pdf": report_pdf, "docx": report_docx}[fmt](report)
