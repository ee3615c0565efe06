"""Anonymisation of participants whose last activity is older than the retention period (domain.md §8).

    participants_due(*, days, now=None) -> QuerySet[Participant]
    participants_anonymise(*, days=None, now=None, dry_run=False) -> int

What goes: name, fødselsnummer/D-nummer, DUF number, language, the municipality's reference (replaced by a
random token), the exact birth date (reduced to 1 January of the birth year), free-text notes (referral
note and reason for withdrawal, recommendation note), the school and the interpreter language; and the same values in the audit
log's change records of these participants. What stays, for the statistics: municipality, permit category,
education level, the dates of permit, settlement, mapping, guidance, decision and start, end goal and
durations, yes/no facts, session dates and lengths, § 30 hours and absence, and the cached evaluation
(findings, target group, deadline) as it was on the day of anonymisation — anonymised participants are
never re-evaluated (their birth date is no longer exact), so the compliance figures do not change.
"""

from __future__ import annotations

import datetime
import logging
import secrets

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from integrering.guidance.models import GuidanceCase, GuidanceSession, Participant, Referral, TrainingEnrolment

log = logging.getLogger("integrering.guidance.anonymise")

PERSONAL_FIELDS = {
    "name",
    "national_id",
    "duf_number",
    "language",
    "reference",
    "birth_date",
    "note",
    "recommendation_note",
    "school",
    "interpreter_language",
    "withdrawal_reason",
}


def participants_due(*, days: int, now: datetime.datetime | None = None) -> QuerySet[Participant]:
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Participant.objects.filter(anonymised_at__isnull=True, last_activity_at__lt=cutoff)


def _scrub_log(model, pks: list, references: dict[str, str]) -> None:
    content_type = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in pks])
    for entry in entries.iterator():
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        entry.changes = {k: (["***", "***"] if k in PERSONAL_FIELDS else v) for k, v in changes.items()}
        entry.changes_text = ""
        entry.serialized_data = None
        for old, new in references.items():
            entry.object_repr = entry.object_repr.replace(old, new)
        entry.save(update_fields=["changes", "changes_text", "serialized_data", "object_repr"])


@transaction.atomic
def _anonymise_batch(participants: list[Participant], now: datetime.datetime) -> None:
    references: dict[str, str] = {}
    for participant in participants:
        token = f"anonym-{secrets.token_hex(8)}"
        if participant.reference:
            references[participant.reference] = token
        # .update() and not .save(): the change must not write the old values into the audit log again.
        Participant.objects.filter(pk=participant.pk).update(
            name="",
            national_id="",
            duf_number="",
            language="",
            reference=token,
            birth_date=participant.birth_date.replace(month=1, day=1) if participant.birth_date else None,
            anonymised_at=now,
            version=participant.version + 1,
        )
    ids = [p.pk for p in participants]
    Referral.objects.filter(participant_id__in=ids).update(note="", withdrawal_reason="")
    GuidanceCase.objects.filter(participant_id__in=ids).update(recommendation_note="")
    GuidanceSession.objects.filter(case__participant_id__in=ids).update(interpreter_language="")
    TrainingEnrolment.objects.filter(participant_id__in=ids).update(school="")
    _scrub_log(Participant, ids, references)
    for model, pks in (
        (Referral, Referral.objects.filter(participant_id__in=ids).values_list("pk", flat=True)),
        (GuidanceCase, GuidanceCase.objects.filter(participant_id__in=ids).values_list("pk", flat=True)),
        (GuidanceSession, GuidanceSession.objects.filter(case__participant_id__in=ids).values_list("pk", flat=True)),
        (TrainingEnrolment, TrainingEnrolment.objects.filter(participant_id__in=ids).values_list("pk", flat=True)),
    ):
        _scrub_log(model, list(pks), references)


def participants_anonymise(
    *, days: int | None = None, now: datetime.datetime | None = None, dry_run: bool = False, batch_size: int = 500
) -> int:
    """Anonymise every participant without activity for ``days`` (default PARTICIPANT_RETENTION_DAYS)."""
    days = settings.PARTICIPANT_RETENTION_DAYS if days is None else days
    now = now or timezone.now()
    due = participants_due(days=days, now=now).order_by("pk")
    if dry_run:
        return due.count()
    count = 0
    while True:
        batch = list(due.only("pk", "reference", "birth_date", "version")[:batch_size])
        if not batch:
            break
        _anonymise_batch(batch, now)
        count += len(batch)
    log.info("Anonymised %d participants without activity for %d days.", count, days)
    return count
