"""Writes of career guidance: the municipality's referral and its withdrawal, the counsellor's case.

Signatures (keyword-only; all raise ``ApplicationError`` with a translated message on bad input and
``ConcurrentEdit`` when ``version`` is stale; nothing is half-written)::

    referral_create(*, participant, user, mapping_date=None, note="", referred_at=None) -> Referral
    referral_withdraw(*, participant, user, reason) -> Referral   # the case leaves the queue until re-referred
    case_assign(*, case, counsellor, version=None) -> GuidanceCase
    case_book(*, case, booked_for, booked_time=None, video=False, address="", interpreter_needed=False,
              interpreter_language="", counsellor=None, version=None) -> GuidanceCase  # time not in the past
    case_session_add(*, case, date, minutes, interpreter_used=False, interpreter_language="",
                     mode="in_person") -> GuidanceSession
    case_complete(*, case, completed_on, recommendation="", note="", version=None) -> GuidanceCase  # not twice
    case_correct(*, case, version, completed_on, recommendation="", note="") -> GuidanceCase  # a completed case

A referral and completing or correcting a case re-evaluate the participant (the order mapping → guidance →
decision is what the rules check).

The case's ``status`` is the one source of truth for where the guidance stands; a referral's status is read from
it (``Referral.status``), so the two cannot disagree. ``version`` (the version the user's form showed; ``None``:
the version read) makes a save over someone else's change a ``ConcurrentEdit``. Every write goes through the
models' ``save()``, so the audit log records it.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.guidance.cases.models import (
    CaseStatus,
    GuidanceCase,
    GuidanceSession,
    Recommendation,
    Referral,
    SessionMode,
)
from integrering.guidance.compliance.services import participant_evaluate
from integrering.guidance.mapping.services import mapping_date_set
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.services import (
    participant_fields_save,
    participant_refuse_if_anonymised,
    participant_touch,
)

OPEN = (CaseStatus.REFERRED, CaseStatus.BOOKED)


def _case_for(participant: Participant, *, lock: bool = False) -> GuidanceCase:
    cases = GuidanceCase.objects.select_for_update() if lock else GuidanceCase.objects
    case = cases.filter(participant=participant).first()
    return case or GuidanceCase(participant=participant)


def _open_referral(case: GuidanceCase) -> Referral | None:
    """The referral that keeps ``case`` open: the latest one, not withdrawn, while the case is referred or booked."""
    if case.pk is None or case.status not in OPEN:
        return None
    return Referral.objects.filter(participant_id=case.participant_id, withdrawn_at__isnull=True).first()


@transaction.atomic
def referral_create(
    *,
    participant: Participant,
    user,
    mapping_date: datetime.date | None = None,
    note: str = "",
    referred_at: datetime.datetime | None = None,
) -> Referral:
    """A municipality refers a participant for career guidance; the county's case is opened (status referred).

    The competence-mapping date, if given, is recorded on the participant too (``mapping.services``).
    ``referred_at`` (default now) is for recording a referral made earlier, e.g. in the demo's history.
    """
    participant_refuse_if_anonymised(participant=participant)
    case = _case_for(participant, lock=True)
    if case.pk is not None and case.status in OPEN:
        raise ApplicationError(_("The participant is already referred for career guidance."))
    if len(note) > 500:
        raise ApplicationError(_("The note can be at most 500 characters."))
    referral = Referral.objects.create(
        participant=participant,
        referred_by=user,
        mapping_date=mapping_date,
        note=note.strip(),
        referred_at=referred_at or timezone.now(),
    )
    if case.status != CaseStatus.COMPLETED:
        case.status = CaseStatus.BOOKED if case.booked_for else CaseStatus.REFERRED
        case.save()
    mapping_date_set(participant=participant, mapping_date=mapping_date)
    participant_touch(participant=participant)
    participant_fields_save(participant=participant, fields=["mapping_date", "last_activity_at"])
    participant_evaluate(participant=participant)
    return referral


@transaction.atomic
def referral_withdraw(*, participant: Participant, user, reason: str) -> Referral:
    """The municipality withdraws its open referral (e.g. the participant moved or was referred by mistake).

    The referral is kept, marked withdrawn with who, when and why; the case leaves the counsellors' queue and
    any booked appointment is cancelled. A new referral reopens the case.
    """
    participant_refuse_if_anonymised(participant=participant)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("The reason for withdrawing the referral is missing."))
    if len(reason) > 200:
        raise ApplicationError(_("The reason can be at most 200 characters."))
    case = _case_for(participant, lock=True)
    referral = _open_referral(case)  # none once the guidance is completed
    if referral is None:
        raise ApplicationError(_("The participant has no open referral to withdraw."))
    referral.withdrawn_at = timezone.now()
    referral.withdrawn_by = user
    referral.withdrawal_reason = reason
    referral.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    case.status = CaseStatus.WITHDRAWN
    _booking_clear(case)
    _save_case(case)
    return referral


def _refuse_closed(case: GuidanceCase) -> None:
    if case.status == CaseStatus.COMPLETED:
        raise ApplicationError(_("The guidance is already completed."))
    if case.status == CaseStatus.WITHDRAWN:
        raise ApplicationError(
            _("The referral was withdrawn. The case opens again when the municipality refers the participant again.")
        )


def _save_case(case: GuidanceCase) -> GuidanceCase:
    case.save()
    participant = case.participant
    participant_touch(participant=participant)
    participant_fields_save(participant=participant, fields=["last_activity_at"])
    return case


@transaction.atomic
def case_assign(*, case: GuidanceCase, counsellor, version: int | None = None) -> GuidanceCase:
    participant_refuse_if_anonymised(participant=case.participant)
    expect_version(case, version)
    if counsellor is not None and counsellor.county_id != case.participant.county_id:
        raise ApplicationError(_("The counsellor does not belong to the county."))
    case.counsellor = counsellor
    return _save_case(case)


def _booking_clear(case: GuidanceCase) -> None:
    case.booked_for = None
    case.booked_time = None
    case.booked_video = False
    case.booked_address = ""
    case.booked_interpreter_needed = False
    case.booked_interpreter_language = ""


@transaction.atomic
def case_book(
    *,
    case: GuidanceCase,
    booked_for: datetime.date,
    booked_time: datetime.time | None = None,
    video: bool = False,
    address: str = "",
    interpreter_needed: bool = False,
    interpreter_language: str = "",
    counsellor=None,
    version: int | None = None,
) -> GuidanceCase:
    """Book the appointment (and the counsellor, if given) in one save: the open referral is booked with it.

    The appointment has a date and a time (local time, not in the past; the form requires both, and a place:
    ``video`` or an ``address``) and, if an interpreter is needed, the interpreter's language. The municipality sees it on the participant's
    page.
    """
    participant_refuse_if_anonymised(participant=case.participant)
    _refuse_closed(case)
    if booked_for is None:
        raise ApplicationError(_("The date of the appointment is missing."), field="booked_for")
    if booked_time is not None:
        # The form always asks for the time; a date alone (no time) is only recorded history, e.g. the demo's.
        when = timezone.make_aware(datetime.datetime.combine(booked_for, booked_time))
        if when < timezone.now():
            raise ApplicationError(_("The appointment cannot be in the past."), field="booked_for")
    address = (address or "").strip()
    if len(address) > 200:
        raise ApplicationError(_("The address can be at most 200 characters."), field="address")
    interpreter_language = (interpreter_language or "").strip() if interpreter_needed else ""
    if interpreter_needed and not interpreter_language:
        raise ApplicationError(_("Give the interpreter's language."), field="interpreter_language")
    if len(interpreter_language) > 100:
        raise ApplicationError(_("The language can be at most 100 characters."), field="interpreter_language")
    if counsellor is not None and counsellor.county_id != case.participant.county_id:
        raise ApplicationError(_("The counsellor does not belong to the county."))
    expect_version(case, version)
    if counsellor is not None:
        case.counsellor = counsellor
    case.booked_for = booked_for
    case.booked_time = booked_time
    case.booked_video = bool(video)
    case.booked_address = "" if video else address
    case.booked_interpreter_needed = bool(interpreter_needed)
    case.booked_interpreter_language = interpreter_language
    case.status = CaseStatus.BOOKED
    return _save_case(case)


@transaction.atomic
def case_session_add(
    *,
    case: GuidanceCase,
    date: datetime.date,
    minutes: int,
    interpreter_used: bool = False,
    interpreter_language: str = "",
    mode: str = SessionMode.IN_PERSON,
) -> GuidanceSession:
    participant_refuse_if_anonymised(participant=case.participant)
    if case.status == CaseStatus.WITHDRAWN:
        _refuse_closed(case)
    if date is None or date > timezone.localdate():
        raise ApplicationError(_("The date of the session cannot be in the future."))
    if not isinstance(minutes, int) or not 1 <= minutes <= 600:
        raise ApplicationError(_("The length must be between 1 and 600 minutes."))
    if mode not in SessionMode.values:
        raise ApplicationError(_("Unknown mode of the session."))
    interpreter_language = interpreter_language.strip() if interpreter_used else ""
    session = GuidanceSession.objects.create(
        case=case,
        date=date,
        minutes=minutes,
        interpreter_used=interpreter_used,
        interpreter_language=interpreter_language,
        mode=mode,
    )
    _save_case(case)
    return session


def _completion_clean(case: GuidanceCase, completed_on, recommendation: str, note: str) -> None:
    participant = case.participant
    if completed_on is None or completed_on > timezone.localdate():
        raise ApplicationError(_("The completion date is missing or in the future."))
    if participant.birth_date and completed_on < participant.birth_date:
        raise ApplicationError(_("The completion date is before the birth date."))
    if recommendation and recommendation not in Recommendation.values:
        raise ApplicationError(_("Unknown recommendation."))
    if len(note) > 500:
        raise ApplicationError(_("The note can be at most 500 characters."))


@transaction.atomic
def case_complete(
    *,
    case: GuidanceCase,
    completed_on: datetime.date,
    recommendation: str = "",
    note: str = "",
    version: int | None = None,
) -> GuidanceCase:
    """Guidance is completed: the case, any open referral, and the participant's findings are updated.

    A case completed already is refused (use ``case_correct``: a correction is a deliberate act, not a
    second completion that silently overwrites the first).
    """
    participant = case.participant
    participant_refuse_if_anonymised(participant=participant)
    if case.status == CaseStatus.WITHDRAWN:
        _refuse_closed(case)
    if case.status == CaseStatus.COMPLETED:
        raise ApplicationError(
            _("The guidance is already completed. Use «Correct» to change the date or the recommendation.")
        )
    _completion_clean(case, completed_on, recommendation, note)
    expect_version(case, version)
    case.status = CaseStatus.COMPLETED
    case.completed_on = completed_on
    case.recommendation = recommendation
    case.recommendation_note = note.strip()
    _save_case(case)
    participant_evaluate(participant=participant)
    return case


@transaction.atomic
def case_correct(
    *, case: GuidanceCase, version: int | None, completed_on: datetime.date, recommendation: str = "", note: str = ""
) -> GuidanceCase:
    """Correct the date or recommendation of a completed case. The audit log keeps the previous values."""
    participant = case.participant
    participant_refuse_if_anonymised(participant=participant)
    if case.status != CaseStatus.COMPLETED:
        raise ApplicationError(_("Only a completed guidance can be corrected."))
    _completion_clean(case, completed_on, recommendation, note)
    expect_version(case, version)
    case.completed_on = completed_on
    case.recommendation = recommendation
    case.recommendation_note = note.strip()
    _save_case(case)
    participant_evaluate(participant=participant)
    return case
