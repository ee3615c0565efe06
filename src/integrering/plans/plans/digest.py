"""The weekly digest: to each responsible person, their measures not followed up (stale). Idempotent per ISO
week: a ``DigestSent`` row with the unique key (user, week) is written in the same transaction as the e-mail is
queued, so a second run in the same week — or a run on another server at the same time — sends nothing again."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from integrering.core.mail.links import absolute_url
from integrering.core.mail.services import mail_send
from integrering.core.models import User
from integrering.plans.annual_report.models import DigestSent
from integrering.plans.measures.models import Measure
from integrering.plans.plans.models import Plan, PlanStatus
from integrering.plans.plans.selectors import stale_measures


@dataclass
class Digest:
    user: User
    measures: list[Measure]
    sent: bool


def iso_week(now: datetime.datetime | None = None) -> str:
    year, week, _day = timezone.localtime(now or timezone.now()).isocalendar()
    return f"{year}-W{week:02d}"


def digests_due(*, now: datetime.datetime | None = None) -> dict[User, list[Measure]]:
    """Per responsible person with an e-mail address: their stale measures in plans that are not expired."""
    plans = list(Plan.objects.exclude(status=PlanStatus.EXPIRED))
    due: dict[User, list[Measure]] = defaultdict(list)
    for measure in stale_measures(plans, now).filter(primary_person__isnull=False, primary_person__is_active=True):
        person = measure.primary_person
        if person is not None and person.email:
            due[person].append(measure)
    return due


def digests_send(*, now: datetime.datetime | None = None, dry_run: bool = False, base_url: str = "") -> list[Digest]:
    week = iso_week(now)
    already = set(DigestSent.objects.filter(week=week).values_list("user_id", flat=True))
    result = []
    for user, measures in sorted(digests_due(now=now).items(), key=lambda item: item[0].pk):
        if user.pk in already or dry_run:
            result.append(Digest(user, measures, sent=False))
            continue
        links = [(m, absolute_url(reverse("plans:measure", args=[m.pk]), base_url=base_url)) for m in measures]
        try:
            with transaction.atomic():
                DigestSent.objects.create(
                    county_id=measures[0].goal.focus_area.plan.county_id, user=user, week=week, measures=len(measures)
                )
                mail_send(
                    to=user.email,
                    template="plans/digest",
                    context={"user": user, "links": links, "week": week},
                    county=measures[0].goal.focus_area.plan.county,
                    related=user,
                )
        except IntegrityError:  # another run sent it meanwhile
            result.append(Digest(user, measures, sent=False))
            continue
        result.append(Digest(user, measures, sent=True))
    return result
