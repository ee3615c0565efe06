"""Writes of period reports: create one, and complete it (the snapshot is frozen; a completed report never
changes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.plans.plans.models import Plan
from integrering.plans.reports.models import PeriodReport
from integrering.plans.reports.snapshot import plan_snapshot


def report_create(*, plan: Plan, title: str, start: datetime.date, end: datetime.date) -> PeriodReport:
    if end < start:
        raise ApplicationError(_("The end cannot be before the start."), field="end")
    return PeriodReport.objects.create(plan=plan, title=title, start=start, end=end)


def report_complete(*, report: PeriodReport, user: Any, at: datetime.datetime | None = None) -> PeriodReport:
    """Freeze the plan as it is now into the report. A completed report cannot be completed again."""
    with transaction.atomic():
        locked = PeriodReport.objects.select_for_update().get(pk=report.pk)
        if locked.completed_at is not None:
            raise ApplicationError(_("The report is already completed."))
        at = at or timezone.now()
        PeriodReport.objects.filter(pk=report.pk, completed_at__isnull=True).update(
            completed_at=at,
            completed_by=user,
            snapshot=plan_snapshot(report.plan, at=at),
            version=locked.version + 1,
        )
    report.refresh_from_db()
    return report
