"""A completed case is corrected explicitly, never overwritten by a second completion."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.guidance.cases.services import case_complete, case_correct, referral_create
from integrering.guidance.models import CaseStatus, GuidanceCase
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(county):
    participant = participant_make(county, reference="C-1", mapping_date=D(2021, 3, 5), decision_date=D(2021, 5, 1))
    referral_create(participant=participant, user=None)
    return case_complete(
        case=participant.guidance_case, completed_on=D(2021, 4, 1), recommendation="work", note="Butikk"
    )


def test_completing_a_completed_case_again_is_refused_and_changes_nothing(completed):
    with pytest.raises(ApplicationError) as error:
        case_complete(case=completed, completed_on=D(2021, 6, 1), recommendation="education")
    assert "allerede fullført" in error.value.message and "Korriger" in error.value.message
    completed.refresh_from_db()
    assert (completed.completed_on, completed.recommendation) == (D(2021, 4, 1), "work")


def test_a_correction_changes_the_date_and_keeps_the_previous_values_in_the_audit_log(completed):
    case_correct(
        case=completed, version=completed.version, completed_on=D(2021, 4, 20), recommendation="education", note="Vg1"
    )
    completed.refresh_from_db()
    assert (completed.completed_on, completed.recommendation, completed.status) == (
        D(2021, 4, 20),
        "education",
        CaseStatus.COMPLETED,
    )
    assert "DECISION_BEFORE_GUIDANCE" not in completed.participant.findings  # 20.04 is still before 01.05
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(GuidanceCase), object_pk=str(completed.pk)
    ).latest("timestamp")
    changes = entry.changes_dict
    assert changes["completed_on"] == ["2021-04-01", "2021-04-20"]
    assert changes["recommendation"] == ["work", "education"]


def test_a_correction_updates_the_findings(completed):
    case_correct(case=completed, version=completed.version, completed_on=D(2021, 5, 10), recommendation="work")
    completed.participant.refresh_from_db()
    assert "DECISION_BEFORE_GUIDANCE" in completed.participant.findings


def test_a_stale_correction_or_one_of_an_open_case_is_refused(completed, county):
    with pytest.raises(ConcurrentEdit):
        case_correct(case=completed, version=completed.version - 1, completed_on=D(2021, 4, 2))
    open_case = participant_make(county, reference="O-1")
    referral_create(participant=open_case, user=None)
    with pytest.raises(ApplicationError):
        case_correct(case=open_case.guidance_case, version=None, completed_on=D(2021, 4, 2))


def test_the_complete_page_of_a_completed_case_is_the_correction_form(completed, counsellor, client_for):
    client = client_for(counsellor)
    url = f"/veiledning/saker/{completed.pk}/fullfor/"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["completed_on"] == D(2021, 4, 1)
    assert "Korriger" in page.content.decode()
    participant_page = client.get(f"/veiledning/deltakere/{completed.participant_id}/").content.decode()
    assert f'href="{url}"' in participant_page  # «Korriger» is offered on the participant's page
    missing_version = client.post(url, {"completed_on": "2021-04-02", "recommendation": "other"})
    assert missing_version.status_code == 400
    response = client.post(url, {"completed_on": "2021-04-02", "recommendation": "other", "version": completed.version})
    assert response.status_code == 302
    completed.refresh_from_db()
    assert (completed.completed_on, completed.recommendation) == (D(2021, 4, 2), "other")
