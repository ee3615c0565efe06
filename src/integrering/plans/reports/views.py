"""Pages of the period reports: the list per plan, a report (frozen when completed), completing it, PDF and XLSX,
and two reports side by side."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.form_page import form_page
from integrering.core.languages import letter_language
from integrering.core.permissions import Perm, has_perm, requires
from integrering.plans.plans.selectors import plan_for_user
from integrering.plans.reports import exports, selectors, services
from integrering.plans.reports.forms import ReportForm
from integrering.plans.reports.models import PeriodReport

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@requires(Perm.VIEW_PLANS)
def report_list(request, pk: int):
    plan = plan_for_user(request.user, pk)
    can_edit = has_perm(request.user, Perm.EDIT_PLANS)
    form = ReportForm(request.POST or None) if can_edit else None
    if form is not None and request.method == "POST":
        return form_page(
            request,
            form,
            "plans/form.html",
            {"heading": _("New period report"), "plan": plan},
            save=lambda data: services.report_create(plan=plan, **data),
            success=_("The report was created."),
            done=lambda r: redirect("plans:report", pk=r.pk),
        )
    reports = PeriodReport.objects.filter(plan=plan).order_by("-end", "-pk")
    return render(
        request,
        "plans/report_list.html",
        {"plan": plan, "reports": reports, "form": form, "completed": [r for r in reports if r.completed]},
    )


@requires(Perm.VIEW_PLANS)
def report_detail(request, pk: int):
    report = selectors.report_for_user(request.user, pk)
    snapshot = selectors.report_snapshot(report)
    return render(
        request,
        "plans/report_detail.html",
        {
            "report": report,
            "plan": report.plan,
            "snapshot": snapshot,
            "measures": selectors.labelled(snapshot),
            "can_edit": has_perm(request.user, Perm.EDIT_PLANS),
        },
    )


@requires(Perm.EDIT_PLANS)
@require_POST
def report_complete(request, pk: int):
    report = selectors.report_for_user(request.user, pk)
    services.report_complete(report=report, user=request.user)
    messages.success(request, _("The report was completed; its figures will not change."))
    return redirect("plans:report", pk=report.pk)


@requires(Perm.VIEW_PLANS)
def report_download(request, pk: int, fmt: str):
    report = selectors.report_for_user(request.user, pk)
    if fmt not in CONTENT_TYPES:
        return redirect("plans:report", pk=report.pk)  # an unknown format: the report's page offers the formats
    # Written in the language asked for (``?sprak=nn``: nynorsk), else the page's.
    with translation.override(letter_language(request)):
        body = exports.report_pdf(report) if fmt == "pdf" else exports.report_xlsx(report)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="perioderapport-{report.pk}.{fmt}"'
    return response


@requires(Perm.VIEW_PLANS)
def report_compare(request, pk: int):
    """``?a=<report>&b=<report>``: the plan's two reports side by side (what moved)."""
    plan = plan_for_user(request.user, pk)
    reports = list(PeriodReport.objects.filter(plan=plan).order_by("end", "pk"))
    by_id = {str(r.pk): r for r in reports}
    first, second = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
    if first is None and len(reports) >= 2:
        first, second = reports[-2], reports[-1]
    rows = []
    if first is not None and second is not None:
        rows = selectors.reports_compare(selectors.report_snapshot(first), selectors.report_snapshot(second))
    return render(
        request,
        "plans/report_compare.html",
        {"plan": plan, "reports": reports, "first": first, "second": second, "rows": rows},
    )
