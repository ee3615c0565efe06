"""The follow-up of a grant after the decision, as blocks of the application's pages: payments, reports and reclaims.

{% applicant_followup application %}        the applicant's page: ask for the next instalment, send reports
{% case_followup application can_manage %}  the caseworker's page: reports, reclaims and their repayment
"""

from __future__ import annotations

from typing import Any

from django import template

from integrering.grants.applications.status import Status
from integrering.grants.payments.models import PaymentStatus
from integrering.grants.payments.services import _next_instalment, before_report, final_report_approved
from integrering.grants.reclaims.models import ReclaimStatus
from integrering.grants.reclaims.services import paid_total
from integrering.grants.reports.services import accountant_required, report_due_on
from integrering.grants.reports.status import ReportKind, ReportStatus

register = template.Library()
FOLLOWED = (Status.ACCEPTED, Status.CLOSED)


def _common(application) -> dict[str, Any]:
    reports = list(application.reports.all())
    return {
        "application": application,
        "followed": application.status in FOLLOWED,
        "running": application.status == Status.ACCEPTED,
        "reports": reports,
        "final": next((r for r in reports if r.kind == ReportKind.FINAL), None),
        "due": report_due_on(application),
        "accountant": accountant_required(application),
        "threshold": application.call.scheme.accountant_threshold,
        "reclaims": list(application.reclaims.all()),
        "ReportStatus": ReportStatus,
        "ReclaimStatus": ReclaimStatus,
    }


@register.inclusion_tag("grants/reports/_applicant_followup.html")
def applicant_followup(application) -> dict[str, Any]:
    context = _common(application)
    if not context["followed"]:
        return context
    payments = list(application.payments.all())
    underway = sum(p.amount for p in payments)
    granted = application.granted_amount or 0
    next_amount = _next_instalment(application, underway) if underway < granted else 0
    pending = any(p.status != PaymentStatus.PAID for p in payments)
    needs_report = underway + next_amount > before_report(application) and not final_report_approved(application)
    return context | {
        "payments": payments,
        "next_amount": next_amount,
        "can_request": context["running"] and next_amount > 0 and not pending and not needs_report,
        "pending": pending,
        "needs_report": next_amount > 0 and needs_report,
    }


@register.inclusion_tag("grants/reports/_case_followup.html")
def case_followup(application, can_manage) -> dict[str, Any]:
    context = _common(application)
    return context | {"can_manage": can_manage, "paid": paid_total(application) if context["followed"] else 0}
