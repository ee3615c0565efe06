"""Writes of the participant register. Every write that changes a fact re-evaluates the participant.

Signatures (keyword-only; all raise ``ApplicationError`` with a translated message on bad input and
``ConcurrentEdit`` when ``version`` is stale; nothing is half-written)::

    participant_create(*, county, municipality, reference, **facts) -> Participant
    participant_update(*, participant, version, municipality=None, **facts) -> Participant
    decision_register(*, participant, version, decision_date, programme_start=None, end_goal="",
                      planned_duration_months=None, extension_months=None) -> Participant
    participant_refuse_if_anonymised(*, participant)    # ApplicationError: an anonymised participant is not changed
    participant_touch(*, participant)                   # last activity now (the caller saves)
    participant_fields_save(*, participant, fields)     # save only these fields, on the stored version
    participant_read_log(*, user, participant, description, action="view")   # a page showed the person

``facts`` are the Participant fields in ``validation.FACT_FIELDS``. A fødselsnummer/D-nummer is checked with
its check digits and against the birth date (``validation.national_id_check``).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.audit import personal_data_read_log
from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.guidance.compliance.services import participant_evaluate
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.validation import FACT_FIELDS, facts_clean


def participant_touch(*, participant: Participant) -> None:
    """Record activity on the participant now (the retention period runs from the last activity)."""
    participant.last_activity_at = timezone.now()


def participant_fields_save(*, participant: Participant, fields: list[str]) -> None:
    """Save only ``fields`` of ``participant`` (e.g. its last activity), on top of what is stored now.

    For writes that no user's participant form stands behind (a referral, a case action): there is no version
    the user saw, so the stored one is taken (locked in this transaction) and bumped; the other facts are not
    written, so a participant object read earlier cannot overwrite anyone's change.
    """
    participant.version = (
        Participant.objects.select_for_update().filter(pk=participant.pk).values_list("version", flat=True).get()
    )
    participant.save(update_fields=fields)


def participant_refuse_if_anonymised(*, participant: Participant) -> None:
    if participant.anonymised_at is not None:
        raise ApplicationError(_("The participant is anonymised and cannot be changed."))


def participant_read_log(*, user, participant: Participant, description: str, action: str = "view") -> None:
    """Log that ``user`` saw ``participant``'s personal data (a page or form with name and reference)."""
    personal_data_read_log(
        user=user,
        action=action,
        record_type="participant",
        record_ids=[participant.pk],
        description=description,
    )


@transaction.atomic
def participant_create(*, county, municipality, reference: str, **facts) -> Participant:
    reference = (reference or "").strip()
    if not reference:
        raise ApplicationError(_("The reference is missing."))
    if municipality.county_id != county.pk:
        raise ApplicationError(
            _("Municipality %(number)s does not belong to county %(county)s."),
            field="municipality",
            params={"number": municipality.number, "county": county.number},
        )
    if Participant.objects.filter(county=county, reference=reference).exists():
        raise ApplicationError(
            _("The reference %(reference)s exists already."), field="reference", params={"reference": reference}
        )
    cleaned = facts_clean(facts)
    participant = Participant.objects.create(county=county, municipality=municipality, reference=reference, **cleaned)
    participant_evaluate(participant=participant)
    return participant


@transaction.atomic
def participant_update(*, participant: Participant, version: int | None, municipality=None, **facts) -> Participant:
    participant_refuse_if_anonymised(participant=participant)
    if municipality is not None:
        if municipality.county_id != participant.county_id:
            raise ApplicationError(
                _("Municipality %(number)s does not belong to the county."),
                field="municipality",
                params={"number": municipality.number},
            )
        participant.municipality = municipality
    merged = {name: getattr(participant, name) for name in FACT_FIELDS} | facts
    cleaned = facts_clean(merged)
    expect_version(participant, version)
    for name, value in cleaned.items():
        setattr(participant, name, value)
    participant_touch(participant=participant)
    participant.save()
    participant_evaluate(participant=participant)
    return participant


@transaction.atomic
def decision_register(
    *,
    participant: Participant,
    version: int | None,
    decision_date: datetime.date | None,
    programme_start: datetime.date | None = None,
    end_goal: str = "",
    planned_duration_months: int | None = None,
    extension_months: int | None = None,
) -> Participant:
    """The municipality registers its § 12 decision (date, start, end goal, duration, extension)."""
    return participant_update(
        participant=participant,
        version=version,
        decision_date=decision_date,
        programme_start=programme_start,
        end_goal=end_goal,
        planned_duration_months=planned_duration_months,
        extension_months=extension_months,
    )
