"""A referral opens a case; the counsellor books, records a session and completes it."""

import pytest

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.guidance.cases.services import case_book, case_complete, case_session_add, referral_create
from integrering.guidance.models import CaseStatus, Referral, ReferralStatus
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


def test_a_referral_opens_a_case_and_completion_updates_the_findings(county, municipal_user, make_user):
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    participant = participant_make(county, decision_date=D(2021, 5, 20))
    assert "GUIDANCE_MISSING" in participant.findings
    referral = referral_create(participant=participant, user=municipal_user, mapping_date=D(2021, 3, 5))
    case = participant.guidance_case
    assert case.status == CaseStatus.REFERRED
    case_book(case=case, booked_for=D(2021, 4, 1), counsellor=counsellor)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.BOOKED
    case_session_add(
        case=case, date=D(2021, 4, 1), minutes=60, interpreter_used=True, interpreter_language="tigrinja", mode="remote"
    )
    case_complete(case=case, completed_on=D(2021, 4, 15), recommendation="education", note="Kort.")
    participant.refresh_from_db()
    assert "GUIDANCE_MISSING" not in participant.findings
    assert "MAPPING_MISSING" not in participant.findings
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.COMPLETED


def test_a_second_open_referral_is_refused(county, municipal_user):
    participant = participant_make(county)
    referral_create(participant=participant, user=municipal_user)
    with pytest.raises(ApplicationError):
        referral_create(participant=participant, user=municipal_user)
