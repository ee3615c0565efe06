"""The recommendation: choose a run (a new frozen version), the versions, each version, and its exports
(the table as CSV or XLSX; as PDF, the letter to IMDi from :mod:`integrering.settlement.letters`)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.languages import letter_language
from integrering.core.permissions import Perm, has_perm, requires
from integrering.settlement.letters.forms import LetterCompleteForm
from integrering.settlement.letters.letter import letter_docx, letter_pdf
from integrering.settlement.letters.services import recommendation_freeze, recommendation_letter_complete
from integrering.settlement.recommendation import selectors
from integrering.settlement.recommendation.forms import RecommendationForm
from integrering.settlement.scenarios import selectors as scenario_selectors
from integrering.settlement.scenarios.views import detail_context
from integrering.settlement.tables import Table, table_csv, table_xlsx
from integrering.settlement.years.selectors import settlement_year_get

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def recommendation_choose(request, year: int, pk: int):
    run = scenario_selectors.run_get(request.user, year, pk)
    settlement_year = run.scenario.settlement_year
    latest = selectors.recommendations_of_year(settlement_year).first()
    form = RecommendationForm(
        request.POST,
        reason_required=latest is not None,
        latest=latest.version if latest else 0,
        county=settlement_year.county,
        previous=latest,
    )
    status = 400
    if form.is_valid():
        try:
            recommendation = recommendation_freeze(
                settlement_year=settlement_year,
                user=request.user,
                run=run,
                reason=form.cleaned_data["reason"],
                expected_latest=form.cleaned_data.get("latest"),
                case_officer=form.cleaned_data.get("case_officer"),
                signer=form.cleaned_data.get("signer"),
                our_reference=form.cleaned_data.get("our_reference", ""),
                their_reference=form.cleaned_data.get("their_reference", ""),
            )
        except ApplicationError as error:
            form_error_add(form, error)
            status = error.status
            if isinstance(error, ConcurrentEdit) and error.current is not None:
                data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict; the stubs say Mapping
                data["latest"] = str(error.current.version)  # choosing again is then deliberate
                form.data = data
        else:
            messages.success(
                request, _("Version %(version)s of the recommendation was made.") % {"version": recommendation.version}
            )
            return redirect("settlement:recommendation", year=year, version=recommendation.version)
    context = detail_context(request, run.scenario, run=run)
    context.update({"recommendation_form": form, "latest_recommendation": latest})
    return render(request, "settlement/scenarios/run.html", context, status=status)


@requires(Perm.VIEW_SETTLEMENT)
def recommendation_list(request, year: int):
    settlement_year = settlement_year_get(request.user, year)
    return render(
        request,
        "settlement/recommendation/list.html",
        {
            "settlement_year": settlement_year,
            "recommendations": list(selectors.recommendations_of_year(settlement_year)),
        },
    )


@requires(Perm.VIEW_SETTLEMENT)
def recommendation_detail(request, year: int, version: int):
    return _detail(request, year, version)


def _detail(request, year: int, version: int, letter_form=None, status: int = 200):
    recommendation = selectors.recommendation_get(request.user, year, version)
    rows, total = selectors.recommendation_rows(recommendation)
    latest = selectors.recommendations_of_year(recommendation.settlement_year).first()
    can_edit = has_perm(request.user, Perm.EDIT_SETTLEMENT)
    if letter_form is None and can_edit:
        letter_form = LetterCompleteForm(recommendation=recommendation)
    return render(
        request,
        "settlement/recommendation/detail.html",
        {
            "settlement_year": recommendation.settlement_year,
            "recommendation": recommendation,
            "rows": rows,
            "total": total,
            "is_latest": latest is not None and latest.pk == recommendation.pk,
            "can_edit": can_edit,
            "letter_form": letter_form,
        },
        status=status,
    )


@requires(Perm.EDIT_SETTLEMENT)
@require_POST
def recommendation_letter(request, year: int, version: int):
    """Fill in what the version's letter still lacks (never changes a detail already set)."""
    recommendation = selectors.recommendation_get(request.user, year, version)
    form = LetterCompleteForm(request.POST, recommendation=recommendation)
    if form.is_valid():
        try:
            recommendation_letter_complete(recommendation=recommendation, **form.cleaned_data)
        except ApplicationError as error:
            form_error_add(form, error)
            return _detail(request, year, version, letter_form=form, status=error.status)
        messages.success(request, _("The details of the letter were saved."))
        return redirect("settlement:recommendation", year=year, version=version)
    return _detail(request, year, version, letter_form=form, status=400)


def recommendation_table(recommendation, rows, total) -> Table:
    year = recommendation.settlement_year
    title = _("Recommendation %(county)s %(year)s") % {"county": year.county.name, "year": year.year}
    if recommendation.minors is None:
        table = Table(["kommunenummer", "navn", "anbefalt"], [], title=title)
        table.rows = [[r["kommunenummer"], r["navn"], r["antall"]] for r in rows] + [["", _("Sum"), total]]
        return table
    table = Table(["kommunenummer", "navn", "anbefalt", "herav_ema"], [], title=title)
    table.rows = [[r["kommunenummer"], r["navn"], r["antall"], r["minors"]] for r in rows]
    table.rows.append(["", _("Sum"), total, recommendation.minors_total])
    return table


@requires(Perm.VIEW_SETTLEMENT)
def recommendation_export(request, year: int, version: int, fmt: str):
    if fmt not in CONTENT_TYPES:
        raise Http404(_("Unknown format."))
    recommendation = selectors.recommendation_get(request.user, year, version)
    rows, total = selectors.recommendation_rows(recommendation)
    if fmt == "csv":
        content = table_csv(recommendation_table(recommendation, rows, total))
    elif fmt == "xlsx":
        content = table_xlsx(recommendation_table(recommendation, rows, total), sheet=_("Recommendation"))
    else:
        # The letter is written in the language asked for (``?sprak=nn``: nynorsk), else the page's.
        with translation.override(letter_language(request)):
            content = (letter_docx if fmt == "docx" else letter_pdf)(recommendation, rows, total)
    county = recommendation.settlement_year.county.number
    filename = f"anbefaling-{county}-{year}-v{version}.{fmt}"
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
