"""The referral's status has one source of truth, its case: the two cannot disagree."""

import pytest

from integrering.guidance.cases.services import case_book, case_complete, referral_create, referral_withdraw
from integrering.guidance.models import CaseStatus, GuidanceCase, Referral, ReferralStatus
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


def test_a_referrals_status_follows_its_case(county, municipal_user):
    p = participant_make(county)
    referral = referral_create(participant=p, user=municipal_user)
    assert referral.status == ReferralStatus.REFERRED
    case = GuidanceCase.objects.get(participant=p)
    case_book(case=case, booked_for=D(2021, 4, 1))
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.BOOKED
    case_complete(case=case, completed_on=D(2021, 4, 2))
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.COMPLETED
    assert not hasattr(Referral, "_meta") or "status" not in {f.name for f in Referral._meta.get_fields()}


def test_a_withdrawn_referral_stays_withdrawn_when_the_participant_is_referred_again(county, municipal_user):
    p = participant_make(county)
    first = referral_create(participant=p, user=municipal_user)
    referral_withdraw(participant=p, user=municipal_user, reason="Feil")
    assert GuidanceCase.objects.get(participant=p).status == CaseStatus.WITHDRAWN
    second = referral_create(participant=p, user=municipal_user)
    assert (Referral.objects.get(pk=first.pk).status, second.status) == (ReferralStatus.WITHDRAWN, "referred")
