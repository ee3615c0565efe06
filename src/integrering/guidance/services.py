"""Writes for career guidance and § 30 training. Every write that changes a fact re-evaluates the participant.

Signatures (keyword-only; all raise ``GuidanceError`` with a Norwegian message on bad input and
``ConcurrentEdit`` when ``version`` is stale; nothing is half-written)::

    participant_create(*, county, municipality, reference, **facts) -> Participant
    participant_update(*, participant, version, **facts) -> Participant
    participant_evaluate(*, participant, today=None) -> Evaluation        # refresh the cached findings
    participants_refresh(*, county=None, today=None) -> int                # nightly: time-dependent findings
    referral_create(*, participant, user, mapping_date=None, note="") -> Referral
    referral_withdraw(*, participant, user, reason) -> Referral   # the case leaves the queue until re-referred
    case_assign(*, case, counsellor) -> GuidanceCase
    case_book(*, case, booked_for, counsellor=None) -> GuidanceCase
    case_session_add(*, case, date, minutes, interpreter_used=False, interpreter_language="",
                     mode="in_person") -> GuidanceSession
    case_complete(*, case, completed_on, recommendation="", note="") -> GuidanceCase   # refused if completed
    case_correct(*, case, version, completed_on, recommendation="", note="") -> GuidanceCase  # a completed case
    decision_register(*, participant, version, decision_date, programme_start=None, end_goal="",
                      planned_duration_months=None, extension_months=None) -> Participant
    training_enrol(*, participant, school, target_level, start, hours_planned=None, end=None) -> TrainingEnrolment
        # only a participant registered in full-time upper secondary
    training_update(*, enrolment, version, **fields) -> TrainingEnrolment  # hours, absence, end, completed …

``facts`` are the Participant fields in ``FACT_FIELDS``. A fødselsnummer/D-nummer is checked with its
check digits and against the birth date (``national_id_check``).
"""

from __future__ import annotations

from integrering.guidance.cases.services import (
    case_assign,
    case_book,
    case_complete,
    case_correct,
    case_session_add,
    referral_create,
    referral_withdraw,
)
from integrering.guidance.compliance.services import participant_evaluate, participants_refresh  # noqa: F401 (re-export)
from integrering.guidance.errors import ConcurrentEdit, GuidanceError
from integrering.guidance.participants.services import (
    decision_register,
    participant_create,
    participant_update,
)
from integrering.guidance.training.services import training_enrol, training_update

__all__ = [
    "ConcurrentEdit",
    "GuidanceError",
    "case_assign",
    "case_book",
    "case_complete",
    "case_correct",
    "case_session_add",
    "decision_register",
    "participant_create",
    "participant_evaluate",
    "participant_update",
    "participants_refresh",
    "referral_create",
    "referral_withdraw",
    "training_enrol",
    "training_update",
]
