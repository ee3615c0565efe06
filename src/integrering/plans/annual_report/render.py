"""The annual report as JSON, a tagged PDF and a DOCX (for editing in Word), from ``annual_report_build``."""

from __future__ import annotations

import io
import json
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from integrering.plans.measures.models import Light, MeasureStatus
from integrering.plans.pdf import html_pdf

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


def _label(key: str) -> str:
    labels = {**dict(MeasureStatus.choices), **dict(Light.choices)}
    return str(labels.get(key, key))


def _lines(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """A section's data as (label, value) lines, nested dicts flattened («per municipality › 5001»)."""
    lines: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{prefix} › {_label(str(key))}" if prefix else _label(str(key))
            lines.extend(_lines(item, name))
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            lines.extend(_lines(item, f"{prefix} {index}"))
    else:
        lines.append((prefix, "–" if value is None else str(value)))
    return lines


def _sections(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        section | {"lines": _lines(section["data"]) if section["data"] is not None else []}
        for section in report["sections"].values()
    ]


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
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in section["lines"]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def annual_report_render(report: dict[str, Any], fmt: str) -> bytes:
    return {"json": report_json, "pdf": report_pdf, "docx": report_docx}[fmt](report)
