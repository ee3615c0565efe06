"""Figures of one year: inline editing (htmx), import with preview, exports, a municipality's own decision,
and the settlement section of the municipality page."""

import base64
import copy
import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.core.versioning import changed_values
from integrering.municipalities.services import PageSection
from integrering.settlement.errors import RecommendationLocked
from integrering.settlement.figures import exports, imports, selectors, services
from integrering.settlement.figures.forms import (
    DecisionForm,
    FigureDetailsForm,
    FigureForm,
    ImportForm,
    MinorsAcceptanceForm,
)
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.figures.preview import import_preview
from integrering.settlement.figures.selectors import Row
from integrering.settlement.figures.sources import Document
from integrering.settlement.years.selectors import year_for_user

SESSION_KEY = "settlement_import"


def _row(municipality, figure) -> Row:
    return Row(
        municipality, municipality.name_in_year or municipality.norwegian_name, municipality.population_in_year, figure
    )


@requires(Perm.VIEW_SETTLEMENT)
def figure_row(request, year: int, number: str):
    """One row of the year table (htmx: back from editing).

    A direct visit (a bookmarked or typed address, not htmx) goes to the year's page at that row, never a
    bare ``<tr>``; who may not see the row gets the same 404 either way.
    """
    settlement_year = year_for_user(request.user, year)
    municipality, figure = selectors.figure_for_user(request.user, settlement_year, number)
    if not request.htmx:
        anchor = f"#rad-{municipality.number}"  # i18n: not user text (the row's id in the year table)
        return redirect(reverse("settlement:year", args=[settlement_year.year]) + anchor)
    return render(
        request,
        "settlement/figures/_row.html",
        {
            "row": _row(municipality, figure),
            "settlement_year": settlement_year,
            "columns": selectors.FIGURE_COLUMNS,
            "can_edit": has_perm(request.user, Perm.EDIT_SETTLEMENT),
        },
    )


def _figure_saved(request, settlement_year, municipality, figure):
    if request.htmx:
        return render(
            request,
            "settlement/figures/_row.html",
            {
                "row": _row(municipality, figure),
                "settlement_year": settlement_year,
                "columns": selectors.FIGURE_COLUMNS,
                "can_edit": True,
                "saved": True,
            },
        )
    messages.success(request, _("The figures for %(name)s were saved.") % {"name": municipality})
    return redirect("settlement:year", settlement_year.year)


@requires(Perm.EDIT_SETTLEMENT)
def figure_edit(request, year: int, number: str):
    """Edit one municipality's figures: the numbers inline (htmx), or with dates and sources on a page of
    their own. A concurrent change is refused with the current values shown; so is a change of a locked
    «recommended» (the year has a recommendation), with a message."""
    settlement_year = year_for_user(request.user, year)
    municipality, figure = selectors.figure_for_user(request.user, settlement_year, number)
    form_class = FigureForm if request.htmx else FigureDetailsForm
    locked = settlement_year.recommendations.exists()
    instance = (
        copy.copy(figure)
        if figure
        else SettlementFigure(settlement_year=settlement_year, municipality=municipality, version=0)
    )
    form = form_class(request.POST or None, instance=instance, initial={"version": instance.version}, locked=locked)
    conflict, status = False, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = services.figure_update(
                    settlement_year=settlement_year,
                    municipality=municipality,
                    values=form.values(),
                    version=form.cleaned_data["version"],
                )
            except ConcurrentEdit as stale:
                # Nothing was saved: the current values are shown, with the user's own beside what was saved.
                mine = changed_values(form, stale.current)
                conflict, status, figure = True, 409, stale.current
                form = form_class(instance=stale.current, initial={"version": stale.current.version}, locked=locked)
                form.conflict = mine  # type: ignore[attr-defined]  # read by core/_conflict.html
            except RecommendationLocked as error:
                form.lock(error.user_message)
            except ApplicationError as error:
                form_error_add(form, error)
            else:
                return _figure_saved(request, settlement_year, municipality, saved)
    context = {
        "row": _row(municipality, figure),
        "settlement_year": settlement_year,
        "form": form,
        "conflict": conflict,
        "columns": selectors.FIGURE_COLUMNS,
    }
    template = "settlement/figures/_edit_row.html" if request.htmx else "settlement/figures/edit.html"
    return render(request, template, context, status=200 if request.htmx else status)


@requires(Perm.EDIT_SETTLEMENT)
def minors_acceptance(request, year: int):
    """Tick the municipalities that can take unaccompanied minors this year (a scenario run spreads the year's
    frame for them only over these)."""
    settlement_year = year_for_user(request.user, year)
    rows = selectors.year_rows(settlement_year, user=request.user)
    form = MinorsAcceptanceForm(
        request.POST or None,
        initial={"accepting": [r.municipality.number for r in rows if r.figure is None or r.figure.accepts_minors]},
        municipalities=[(r.municipality.number, f"{r.municipality.number} {r.name}") for r in rows],
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                changed = services.minors_acceptance_set(
                    settlement_year=settlement_year, accepting=form.cleaned_data["accepting"]
                )
            except ApplicationError as error:
                form_error_add(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "Saved: %(count)s municipality changed.", "Saved: %(count)s municipalities changed.", changed
                    )
                    % {"count": changed},
                )
                return redirect("settlement:minors_acceptance", year)
    return render(
        request,
        "settlement/figures/minors.html",
        {"settlement_year": settlement_year, "form": form},
        status=status,
    )


@requires(Perm.EDIT_SETTLEMENT)
def import_upload(request, year: int):
    """Upload a file and see what would change (nothing is written yet)."""
    settlement_year = year_for_user(request.user, year)
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        document = Document(form.cleaned_data["document_date"], form.cleaned_data["document_source"].strip())
        plan = imports.import_plan(
            county=request.user.county, year=year, content=content, filename=upload.name, document=document
        )
        if plan.ok:
            request.session[SESSION_KEY] = {
                "year": year,
                "name": upload.name,
                "content": base64.b64encode(content).decode(),
                "date": document.date.isoformat() if document.date else None,
                "source": document.source,
            }
        else:
            status = 400
            if plan.file_error:  # a limit, or not a table at all: an error of the upload field
                form.add_error("file", plan.file_error)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "settlement/figures/import.html",
        {
            "settlement_year": settlement_year,
            "form": form,
            "plan": plan,
            "preview": import_preview(plan) if plan is not None and plan.ok else None,
        },
        status=status,
    )


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def import_apply(request, year: int):
    """Apply the previewed file; it is validated again against the current data."""
    settlement_year = year_for_user(request.user, year)
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("year") != year:
        messages.error(request, _("Upload the file again; the preview has expired."))
        return redirect("settlement:import", year)
    document = Document(
        datetime.date.fromisoformat(stored["date"]) if stored.get("date") else None, stored.get("source", "")
    )
    plan = imports.import_plan(
        county=request.user.county,
        year=year,
        content=base64.b64decode(stored["content"]),
        filename=stored["name"],
        document=document,
    )
    if plan.ok:
        try:
            changed = services.figures_apply(county=request.user.county, year=year, rows=plan.rows)[1]
        except ApplicationError as error:  # the plan checks this already; nothing was written
            plan.errors.append(error.user_message)
    if not plan.ok:
        return render(
            request,
            "settlement/figures/import.html",
            {"settlement_year": settlement_year, "form": ImportForm(), "plan": plan},
            status=400,
        )
    del request.session[SESSION_KEY]
    messages.success(
        request,
        ngettext(
            "The file was imported: %(n)s municipality changed.",
            "The file was imported: %(n)s municipalities changed.",
            changed,
        )
        % {"n": changed},
    )
    return redirect("settlement:year", year)


def _export(request, year: int, fmt: str, public: bool):
    if fmt not in exports.FORMATS or is_municipal_only(request.user):
        raise Http404(_("Unknown format."))
    settlement_year = year_for_user(request.user, year)
    content, content_type, filename = exports.settlement_export(settlement_year, fmt=fmt, public=public)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires(Perm.VIEW_SETTLEMENT)
def export(request, year: int, fmt: str):
    return _export(request, year, fmt, public=False)


@requires(Perm.VIEW_SETTLEMENT)
def export_public(request, year: int, fmt: str):
    return _export(request, year, fmt, public=True)


@requires(Perm.REGISTER_OWN_DECISION)
def decision(request, year: int):
    """A municipal user registers their own municipality's decision and sees its figures over the years."""
    settlement_year = year_for_user(request.user, year)
    if request.user.municipality_id is None:
        raise Http404(_("The user is not linked to a municipality."))
    municipality, figure = selectors.figure_for_user(request.user, settlement_year, request.user.municipality.number)
    initial: dict[str, object] = {"version": figure.version if figure else 0}
    if figure:
        initial.update(
            decided=figure.decided,
            decided_ema=figure.decided_ema,
            decided_on=figure.decided_on,
            reference=figure.decision_reference,
        )
    form = DecisionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.decision_register(
                    municipality=municipality,
                    settlement_year=settlement_year,
                    decided=data["decided"],
                    decided_ema=data["decided_ema"],
                    decided_on=data["decided_on"],
                    reference=data["reference"],
                    version=data["version"],
                )
            except ConcurrentEdit as error:
                form_error_add(form, error)  # nothing saved; the other person's values are shown
                status = 409
            except ApplicationError as error:
                form_error_add(form, error)
            else:
                messages.success(request, _("The decision was registered."))
                return redirect("settlement:decision", year)
    return render(
        request,
        "settlement/figures/decision.html",
        {
            "settlement_year": settlement_year,
            "municipality": municipality,
            "figure": figure,
            "form": form,
            "history": selectors.municipality_history(municipality),
        },
        status=status,
    )


def municipality_section(request, municipality) -> PageSection | None:
    """The settlement history on the municipality page (one query)."""
    if not has_perm(request.user, Perm.VIEW_SETTLEMENT):
        return None
    return PageSection(
        "settlement/figures/_municipality_section.html",
        {
            "municipality": municipality,
            "history": selectors.municipality_history(municipality),
            "can_register": has_perm(request.user, Perm.REGISTER_OWN_DECISION)
            and request.user.municipality_id == municipality.pk,
        },
    )
