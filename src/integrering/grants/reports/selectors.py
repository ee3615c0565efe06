"""Reads of reports: an applicant's (their organisations' grants only) and the county's (caseworker, leader)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import NotFound
from integrering.grants.applications.selectors import applications_for_applicant, applications_for_user
from integrering.grants.reports.models import Report
from integrering.grants.reports.status import ReportStatus


def report_for_applicant(user: Any, pk: int) -> Report:
    """A report of one of the user's organisations' grants (another organisation's is «not found»)."""
    report = (
        Report.objects.filter(application__in=applications_for_applicant(user), pk=pk)
        .select_related("application__call__scheme", "application__organisation")
        .first()
    )
    if report is None:
        raise NotFound(_("No such report."))
    return report


def report_for_user(user: Any, pk: int) -> Report:
    report = (
        Report.objects.filter(application__in=applications_for_user(user), pk=pk)
        .select_related("application__call__scheme", "application__organisation", "submitted_by", "handled_by")
        .first()
    )
    if report is None:
        raise NotFound(_("No such report."))
    return report


def reports_waiting(user: Any) -> QuerySet[Report]:
    """The county's reports sent and not yet handled, oldest first."""
    return (
        Report.objects.filter(application__in=applications_for_user(user), status=ReportStatus.SUBMITTED)
        .select_related("application__organisation")
        .order_by("submitted_at", "pk")
    )
