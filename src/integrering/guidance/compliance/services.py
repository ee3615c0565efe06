"""The evaluation by the rules core, cached on the participant and in its finding rows.

    participant_evaluate(*, participant, today=None) -> Evaluation
    participants_evaluate_bulk(participants, *, today=None) -> int   # participants with guidance_case selected
    participants_refresh(*, county=None, today=None, everything=False) -> int  # stale, time-dependent rows

Every service that changes a fact calls ``participant_evaluate``; the nightly ``evaluate-participants``
command calls ``participants_refresh``. Anonymised participants are never re-evaluated: their cached findings
are the statistics kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from integrering.guidance.bulk import untracked_update
from integrering.guidance.cases.models import GuidanceCase
from integrering.guidance.compliance.facts import completed_on, participant_facts
from integrering.guidance.compliance.models import ParticipantFinding
from integrering.guidance.compliance.rules import evaluate
from integrering.guidance.participants.models import Participant
from integrering.legal import Evaluation


def _apply(participant: Participant, evaluation: Evaluation, today: datetime.date) -> None:
    participant.ruleset_version = evaluation.ruleset_version
    participant.evaluated_on = today
    participant.in_target_group = evaluation.derived.in_target_group
    participant.decision_deadline = evaluation.derived.decision_deadline
    participant.findings = list(evaluation.codes)


_CACHE_FIELDS = ["ruleset_version", "evaluated_on", "in_target_group", "decision_deadline", "findings"]


def _finding_rows(participant: Participant, evaluation: Evaluation) -> list[ParticipantFinding]:
    return [ParticipantFinding(participant=participant, code=f.code, severity=f.severity) for f in evaluation.findings]


@transaction.atomic
def participant_evaluate(*, participant: Participant, today: datetime.date | None = None) -> Evaluation:
    """Evaluate ``participant`` now (or on ``today``) and store the result on it and its finding rows."""
    today = today or timezone.localdate()
    case = GuidanceCase.objects.filter(participant=participant).only("status", "completed_on").first()
    done = case.completed_on if case is not None and case.status == "completed" else None
    evaluation = evaluate(participant_facts(participant, guidance_completed_date=done, evaluation_date=today))
    _apply(participant, evaluation, today)
    untracked_update(Participant, [participant], _CACHE_FIELDS)  # derived data: the audit log does not track it
    ParticipantFinding.objects.filter(participant=participant).delete()
    ParticipantFinding.objects.bulk_create(_finding_rows(participant, evaluation))
    return evaluation


def _cached(participant: Participant) -> tuple:
    return (
        participant.ruleset_version,
        participant.in_target_group,
        participant.decision_deadline,
        list(participant.findings or []),
    )


@transaction.atomic
def participants_evaluate_bulk(
    participants: Iterable[Participant], *, today: datetime.date | None = None, batch_size: int = 2000
) -> int:
    """Evaluate many participants in few queries. Select ``guidance_case`` with them to avoid one query each.

    Rows whose result is unchanged only get ``evaluated_on`` set (one UPDATE for all of them).
    """
    today = today or timezone.localdate()
    participants = [p for p in participants if p.anonymised_at is None]
    rows: list[ParticipantFinding] = []
    changed: list[Participant] = []
    same: list[int] = []
    for participant in participants:
        before = _cached(participant) if participant.evaluated_on is not None else None
        facts = participant_facts(participant, guidance_completed_date=completed_on(participant), evaluation_date=today)
        evaluation = evaluate(facts)
        _apply(participant, evaluation, today)
        if before == _cached(participant):
            same.append(participant.pk)
            continue
        changed.append(participant)
        rows.extend(_finding_rows(participant, evaluation))
    for start in range(0, len(same), 900):
        Participant.objects.filter(pk__in=same[start : start + 900]).update(evaluated_on=today)  # untracked
    ids = [p.pk for p in changed]
    for start in range(0, len(ids), 900):
        ParticipantFinding.objects.filter(participant_id__in=ids[start : start + 900]).delete()
    untracked_update(Participant, changed, _CACHE_FIELDS)
    ParticipantFinding.objects.bulk_create(rows, batch_size=batch_size)
    return len(participants)


def participants_refresh(*, county=None, today: datetime.date | None = None, everything: bool = False) -> int:
    """Re-evaluate participants whose cached evaluation may have changed with time alone.

    Only cases without a decision depend on the evaluation date (``DECISION_OVERDUE`` without a
    decision, the under-25 end-goal rule's age). Run daily (the ``evaluate-participants`` command).
    ``everything`` re-evaluates all (after an upgrade that adds a rule-set version).
    """
    today = today or timezone.localdate()
    stale = Participant.objects.filter(anonymised_at__isnull=True)
    if not everything:
        stale = stale.filter(Q(evaluated_on__isnull=True) | Q(evaluated_on__lt=today, decision_date__isnull=True))
    if county is not None:
        stale = stale.filter(county=county)
    count = 0
    ids = list(stale.values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        batch = Participant.objects.filter(pk__in=ids[start : start + 2000]).select_related("guidance_case")
        count += participants_evaluate_bulk(batch, today=today)
    return count
