"""Report pages. The applicant's: send a status report or the final report on an accepted grant, see a report and
send it again when the county asks for more. The caseworker's: a report with its accounts, approve or ask for more.
Every page looks the report up among the user's own organisations' (applicant) or county's (caseworker) only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.grants.applications.selectors import application_for_applicant
from integrering.grants.applications.status import Status
from integrering.grants.reports import selectors, services
from integrering.grants.reports.forms import FinalReportForm, ReportHandleForm, StatusReportForm, report_initial
from integrering.grants.reports.status import ReportKind, ReportStatus


def _form_for(application, kind: str, data=None, initial=None, files=None) -> Any:
    if kind == ReportKind.STATUS:
        return StatusReportForm(data, initial=initial)
    threshold = application.call.scheme.accountant_threshold
    return FinalReportForm(
        data,
        files,
        initial=initial,
        costs=application.costs,
        accountant=threshold if services.accountant_required(application) else None,
    )


@requires(Perm.APPLY_GRANTS)
def report_new(request, pk: int, kind: str):
    """A new status report, or the final report (once; after that it is changed and sent again on its own page)."""
    application = application_for_applicant(request.user, pk)
    if application.status != Status.ACCEPTED:
        messages.error(request, _("Reports are sent on an accepted grant that is not closed."))
        return redirect("grants:application", pk=application.pk)
    final = application.reports.filter(kind=ReportKind.FINAL).first()
    if kind == ReportKind.FINAL and final is not None:
        return redirect("grants:report", pk=final.pk)
    form = _form_for(application, kind, request.POST or None, files=request.FILES or None)

    def save(data):
        return services.report_submit(
            application=application, user=request.user, kind=kind, now=timezone.now(), **form.report_fields(data)
        )

    return form_page(
        request,
        form,
        "grants/reports/report_form.html",
        {"application": application, "kind": ReportKind(kind), "due": services.report_due_on(application)},
        save=save,
        success=_("The report was sent to the county."),
        done=lambda report: redirect("grants:application", pk=application.pk),
    )


@requires(Perm.APPLY_GRANTS)
def report_applicant(request, pk: int):
    """The applicant's report; when the county has asked for more, the form to change it and send it again."""
    report = selectors.report_for_applicant(request.user, pk)
    application = report.application
    if report.status != ReportStatus.RETURNED:
        return render(request, "grants/reports/report.html", {"report": report, "application": application})
    form = _form_for(
        application, report.kind, request.POST or None, initial=report_initial(report), files=request.FILES or None
    )

    def save(data):
        version = data.pop("version", None)
        return services.report_resubmit(
            report=report, user=request.user, version=version, now=timezone.now(), **form.report_fields(data)
        )

    return form_page(
        request,
        form,
        "grants/reports/report_form.html",
        {"application": application, "kind": ReportKind(report.kind), "report": report},
        save=save,
        success=_("The report was sent to the county again."),
        done=lambda saved: redirect("grants:application", pk=application.pk),
    )


def _case_page(request, report, form=None, status=200):
    can_handle = has_perm(request.user, Perm.MANAGE_GRANTS) and report.status == ReportStatus.SUBMITTED
    context = {
        "report": report,
        "application": report.application,
        "caseworker": True,
        # A form with an error is shown whatever the status now is, so that the reason is seen.
        "form": form if form is not None else (ReportHandleForm() if can_handle else None),
    }
    return render(request, "grants/reports/report.html", context, status=status)


@requires(Perm.VIEW_GRANTS)
def report_case(request, pk: int):
    return _case_page(request, selectors.report_for_user(request.user, pk))


@requires(Perm.MANAGE_GRANTS)
@require_POST
def report_handle(request, pk: int):
    """Approve the report, or send it back with what is missing (the organisation gets it by e-mail)."""
    report = selectors.report_for_user(request.user, pk)
    form = ReportHandleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "approve":
                services.report_approve(report=report, user=request.user, now=timezone.now())
                messages.success(request, _("The report is approved."))
            else:
                services.report_return(report=report, user=request.user, message=data["message"], now=timezone.now())
                messages.success(request, _("The report was sent back; the organisation is told by e-mail."))
        except ApplicationError as error:
            form_error_add(form, error)
        else:
            return redirect("grants:case", pk=report.application_id)
    return _case_page(request, report, form, status=400)
