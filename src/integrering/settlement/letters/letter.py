"""The letter to IMDi with the county's recommendation for a year, as a tagged PDF (PDF/UA-1, language nb)
and as DOCX (counties edit letters before they send them). Both are built from :func:`letter_context`:
the county's letterhead (``core.letterhead``), the case officer, signer and references frozen with the
version, the body text with its placeholders filled in, the table and the attachments."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from integrering.core.letterhead.selectors import PLACEHOLDERS, letterhead_of, placeholders_fill
from integrering.core.pdf import html_pdf
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.scenarios.run_inputs import run_inputs


def _no(value: float) -> str:
    return number_format(value, use_l10n=True, force_grouping=True)


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _in_sentence(name: str) -> str:
    """«Folketall 1. januar» → «folketall 1. januar» inside a sentence (an abbreviation like «IMDi» stays)."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def criteria_prose(recommendation: Recommendation) -> str:
    """The method and criteria as sentences (for the body's ``{kriterier}``)."""
    if recommendation.run is None:
        return recommendation.method_description or ""
    used = run_inputs(recommendation.run.inputs)
    methods = {
        "optimal": _("optimal distribution (least possible deviation from the quotas)"),
        "sainte-lague": _("Sainte-Laguë's method"),
        "dhondt": _("d'Hondt's method"),
        "largest-remainder": _("the largest remainder method (Hamilton)"),
    }
    parts = []
    for c in used.criteria:
        if c.exponent != 1:
            text = _("%(name)s (weight %(weight)s, exponent %(exponent)s)") % {
                "name": _in_sentence(c.name),
                "weight": _no(c.weight),
                "exponent": _no(c.exponent),
            }
        else:
            text = _("%(name)s (weight %(weight)s)") % {"name": _in_sentence(c.name), "weight": _no(c.weight)}
        parts.append(text + (_(", lower is better") if c.lower_is_better else ""))
    sentences = [
        _("The numbers are calculated with %(method)s from the criteria %(criteria)s.")
        % {"method": methods.get(used.method, used.method_label), "criteria": ", ".join(parts)}
    ]
    if used.base:
        sentences.append(_("Each participating municipality gets a base of %(base)s.") % {"base": _no(used.base)})
    if used.min_lot:
        sentences.append(_("No municipality gets fewer than %(lot)s unless it gets 0.") % {"lot": used.min_lot})
    return " ".join(sentences)


def exceptions_prose(recommendation: Recommendation) -> str:
    """The exclusions, fixed numbers, minimums and caps as one sentence with their reasons (``{unntak}``)."""
    if recommendation.run is None:
        return ""
    used = run_inputs(recommendation.run.inputs)
    texts = {
        "excluded": _("%(municipality)s gets none"),
        "fixed": _("%(municipality)s gets exactly %(number)s"),
        "minimum": _("%(municipality)s gets at least %(number)s if it gets any"),
        "cap": _("%(municipality)s gets at most %(number)s"),
    }
    listed = []
    for kind, text in texts.items():
        for c in used.with_constraint(kind):
            item = text % {"municipality": c.name, "number": getattr(c, kind, "")}
            listed.append(item + (f" ({c.reason})" if c.reason else ""))
    if not listed:
        return ""
    return _("Exceptions from the calculation: %(exceptions)s.") % {"exceptions": "; ".join(listed)}


def _last_year(recommendation: Recommendation, numbers: list[str]) -> dict[str, SettlementFigure]:
    year = recommendation.settlement_year
    figures = SettlementFigure.objects.filter(
        settlement_year__county_id=year.county_id,
        settlement_year__year=year.year - 1,
        municipality__number__in=numbers,
    ).select_related("municipality")
    return {f.municipality.number: f for f in figures}


def _sum(values) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def letter_context(recommendation: Recommendation, rows: list[dict], total: int) -> dict:
    """Everything the letter shows, dated the day the version was made (a letter downloaded again later is the
    same letter)."""
    year = recommendation.settlement_year
    head = letterhead_of(year.county)
    last = _last_year(recommendation, [r["kommunenummer"] for r in rows])
    minors = getattr(recommendation, "minors", None) or {}
    table = []
    for r in rows:
        figure = last.get(r["kommunenummer"])
        of_minors = r.get("minors")
        if of_minors is None and minors:
            of_minors = int(minors.get(r["kommunenummer"], 0))
        table.append(
            {
                "name": r["navn"],
                "recommended": r["antall"],
                "minors": of_minors,
                "requested_last_year": figure.requested if figure else None,
                "settled_last_year": figure.settled if figure else None,
            }
        )
    show_minors = any(t["minors"] is not None for t in table)
    # The placeholders' names are defined once, in core.letterhead (PLACEHOLDERS, in this order).
    values = dict(
        zip(
            PLACEHOLDERS,
            (
                head.name,
                str(year.year),
                _no(total),
                str(sum(1 for r in rows if r["antall"])),
                criteria_prose(recommendation),
                exceptions_prose(recommendation),
            ),
            strict=True,
        )
    )
    paragraphs = [p.strip() for p in placeholders_fill(head.body, values).split("\n\n")]
    case_officer = recommendation.case_officer or recommendation.chosen_by
    return {
        "recommendation": recommendation,
        "settlement_year": year,
        "head": head,
        "title": _("The county municipality's recommendation on the settlement of refugees in %(year)s")
        % {"year": year.year},
        "dated": timezone.localtime(recommendation.chosen_at).date(),
        "our_reference": recommendation.our_reference,
        "their_reference": recommendation.their_reference,
        "paragraphs": [p for p in paragraphs if p],
        "table": table,
        "show_minors": show_minors,
        "sums": {
            "recommended": total,
            "minors": _sum(t["minors"] for t in table),
            "requested_last_year": _sum(t["requested_last_year"] for t in table),
            "settled_last_year": _sum(t["settled_last_year"] for t in table),
        },
        "last_year": year.year - 1,
        "signer": _person(recommendation.signer or recommendation.chosen_by),
        "case_officer": _person(case_officer),
        "case_officer_email": getattr(case_officer, "email", "") or "",
    }


def letter_html(recommendation: Recommendation, rows: list[dict], total: int) -> str:
    return render_to_string("settlement/letters/letter_pdf.html", letter_context(recommendation, rows, total))


def letter_pdf(recommendation: Recommendation, rows: list[dict], total: int) -> bytes:
    """The letter as a tagged, accessible PDF (PDF/UA-1: structure tree, language nb, title)."""
    return html_pdf(letter_html(recommendation, rows, total))


def _cell(value) -> str:
    return "–" if value is None else _no(value)


def _language_set(document, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if run_properties is None:
        return
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    lang.set(qn("w:val"), language)


def _header_row_mark(row) -> None:
    """A table header row for screen readers, repeated on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def letter_docx(recommendation: Recommendation, rows: list[dict], total: int) -> bytes:
    """The same letter as a Word document (python-docx), for the county to edit before sending."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    c = letter_context(recommendation, rows, total)
    head = c["head"]
    document = Document()
    document.core_properties.title = c["title"]
    document.core_properties.language = "nb-NO"
    document.core_properties.author = head.name
    _language_set(document, "nb-NO")  # Word checks spelling in bokmål
    document.add_paragraph().add_run(head.name).bold = True
    contact = [*head.postal_address]
    if head.organisation_number:
        contact.append(_("Org. no. %(number)s") % {"number": head.organisation_number})
    for line in (*contact, head.email, head.phone):
        if line:
            document.add_paragraph(line)
    document.add_paragraph("")
    for line in head.addressee:
        document.add_paragraph(line)
    meta = document.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    meta.add_run(f"{_('Our reference')}: {c['our_reference'] or '–'}\n")
    meta.add_run(f"{_('Your reference')}: {c['their_reference'] or '–'}\n")
    meta.add_run(f"{_('Date')}: {c['dated']:%d.%m.%Y}")
    document.add_heading(c["title"], level=1)
    for paragraph in c["paragraphs"]:
        document.add_paragraph(paragraph)
    headers = [_("Municipality"), _("Recommended")]
    if c["show_minors"]:
        headers.append(_("of which unaccompanied minors"))
    headers += [
        _("Requested in %(year)s") % {"year": c["last_year"]},
        _("Settled in %(year)s") % {"year": c["last_year"]},
    ]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    _header_row_mark(table.rows[0])
    body = [
        [t["name"], _cell(t["recommended"])]
        + ([_cell(t["minors"])] if c["show_minors"] else [])
        + [_cell(t["requested_last_year"]), _cell(t["settled_last_year"])]
        for t in c["table"]
    ]
    sums = c["sums"]
    body.append(
        [_("Sum"), _cell(sums["recommended"])]
        + ([_cell(sums["minors"])] if c["show_minors"] else [])
        + [_cell(sums["requested_last_year"]), _cell(sums["settled_last_year"])]
    )
    for values in body:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = text
            if index:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    if recommendation.version > 1 and recommendation.reason:
        p = document.add_paragraph()
        p.add_run(_("Reason for the change") + ": ").bold = True
        p.add_run(recommendation.reason)
    document.add_paragraph(_("Kind regards"))
    document.add_paragraph(head.name)
    document.add_paragraph("")
    document.add_paragraph("\n".join(x for x in (c["signer"], head.signer_title) if x))
    if c["case_officer"]:
        officer = ", ".join(x for x in (c["case_officer"], head.case_officer_title, c["case_officer_email"]) if x)
        document.add_paragraph(_("Case officer") + ": " + officer)
    if head.attachments:
        document.add_paragraph(_("Attachments") + ":")
        for item in head.attachments:
            document.add_paragraph(item, style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
