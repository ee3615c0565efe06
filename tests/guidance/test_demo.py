"""The demo participants: every finding of the 2021 rules shown, loaded idempotently, a plausible history."""

import io

import pytest

from integrering.accounts.demo import demo_data_load
from integrering.guidance.models import CaseStatus, Participant, TrainingEnrolment
from integrering.legal.rulesets.v2021 import CODES

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_finding_and_is_idempotent(county):
    demo_data_load(password="demo-passord-lang-nok", stdout=io.StringIO())
    count = Participant.objects.count()
    shown = {code for p in Participant.objects.all() for code in p.findings}
    assert set(CODES) <= shown, set(CODES) - shown
    assert not Participant.objects.exclude(national_id="").exists()
    statuses = set(Participant.objects.values_list("guidance_case__status", flat=True))
    assert {CaseStatus.REFERRED, CaseStatus.BOOKED, CaseStatus.COMPLETED} <= statuses
    assert TrainingEnrolment.objects.count() == 1
    demo_data_load(password="demo-passord-lang-nok", stdout=io.StringIO())
    assert Participant.objects.count() == count
    assert TrainingEnrolment.objects.count() == 1


def test_the_demos_completed_cases_were_referred_before_their_first_session(county):
    from django.utils import timezone

    from integrering.guidance.models import Referral

    demo_data_load(password="demo-passord-lang-nok", stdout=io.StringIO())
    completed = Referral.objects.filter(participant__guidance_case__status=CaseStatus.COMPLETED)
    assert completed.exists()
    for referral in completed.select_related("participant__guidance_case"):
        referred_on = timezone.localdate(referral.referred_at)
        first_session = referral.participant.guidance_case.sessions.order_by("date").first().date
        assert referral.participant.settlement_date < referred_on < first_session, referral
