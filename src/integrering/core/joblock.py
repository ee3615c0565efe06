"""One run at a time of a scheduled job, across every app server: a lease in the database.

Every server may start ``send-reminders`` from its timer; the first run takes the job's lease and does the work,
the others find it taken and end at once. The lease is taken by one conditional ``UPDATE`` (free, or expired →
ours), which is atomic on PostgreSQL (a concurrent UPDATE of the row waits for the first to commit and then sees
it taken) and on SQLite (one writer at a time). It is not a lock held by an open transaction: the job commits its
own work as it goes (an e-mail sent is recorded at once), so a failure half-way never rolls back what was sent.
A run that dies without releasing leaves the lease until it expires (``JOB_LOCK_SECONDS``, one hour by default).
"""

from __future__ import annotations

import datetime
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobLock(models.Model):
    name = models.CharField(_("job"), max_length=100, primary_key=True)
    # The run that holds the lease (a random token), empty when free.
    holder = models.CharField(_("holder"), max_length=32, blank=True)
    host = models.CharField(_("host"), max_length=200, blank=True)
    acquired_at = models.DateTimeField(_("started"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        verbose_name = _("job lock")
        verbose_name_plural = _("job locks")

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Lease:
    """The outcome of asking for a job's lease: ``acquired``, or who holds it (host and start)."""

    acquired: bool
    host: str = ""
    acquired_at: datetime.datetime | None = None


def _lease_seconds() -> int:
    return int(getattr(settings, "JOB_LOCK_SECONDS", 3600))


def lease_take(name: str, token: str, *, now: datetime.datetime | None = None) -> Lease:
    now = now or timezone.now()
    JobLock.objects.get_or_create(name=name)
    taken = (
        JobLock.objects.filter(name=name)
        .filter(Q(holder="") | Q(expires_at__lt=now))
        .update(
            holder=token,
            host=f"{socket.gethostname()}:{os.getpid()}"[:200],
            acquired_at=now,
            expires_at=now + datetime.timedelta(seconds=_lease_seconds()),
        )
    )
    if taken:
        return Lease(acquired=True)
    lock = JobLock.objects.filter(name=name).first()
    return Lease(acquired=False, host=lock.host if lock else "", acquired_at=lock.acquired_at if lock else None)


def lease_release(name: str, token: str) -> None:
    JobLock.objects.filter(name=name, holder=token).update(holder="", expires_at=None)


@contextmanager
def single_run(name: str) -> Iterator[Lease]:
    """``with single_run("send-reminders") as lease: if lease.acquired: ...``; released when the block ends."""
    token = uuid.uuid4().hex
    lease = lease_take(name, token)
    try:
        yield lease
    finally:
        if lease.acquired:
            lease_release(name, token)


def busy_message(name: str, lease: Lease) -> str:
    """The line a run prints when another run holds the lease (the run then ends with status 0)."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    started = date_format(timezone.localtime(lease.acquired_at), "d.m.Y H:i:s") if lease.acquired_at else "?"
    return gettext(
        "Another run of %(job)s is in progress (started %(started)s on %(host)s); this run does nothing."
    ) % {
        "job": name,
        "started": started,
        "host": lease.host or "?",
    }
