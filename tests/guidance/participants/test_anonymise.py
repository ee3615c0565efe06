"""Anonymisation after the retention period: personal values gone (also from the audit log), statistics kept."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from integrering.core.exceptions import ApplicationError
from integrering.guidance.cases.services import case_complete, referral_create
from integrering.guidance.compliance.selectors import compliance_for_user
from integrering.guidance.models import Participant
from integrering.guidance.participants.anonymise import participants_anonymise
from integrering.guidance.participants.selectors import participants_for_user
from integrering.guidance.participants.services import participant_update
from tests.guidance.factories import D, cli, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new(county):
    old = participant_make(
        county,
        reference="GAMMEL-1",
        national_id="15108695088",
        birth_date=D(1986, 10, 15),
        duf_number="201712345678",
        language="arabisk",
        mapping_date=D(2021, 3, 5),
        decision_date=D(2021, 5, 1),
    )
    referral_create(participant=old, user=None, note="Ring før møtet.")
    case_complete(case=old.guidance_case, completed_on=D(2021, 4, 1), recommendation="work", note="Tekst")
    participant_update(participant=old, version=None, name="Endret Navn")
    new = participant_make(county, reference="NY-1", name="Annen Fiktiv")
    Participant.objects.filter(pk=old.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=2000))
    return old, new


def test_old_participants_are_anonymised_and_the_statistics_kept(old_and_new, make_user):
    from integrering.core.roles import Role

    leader = make_user(Role.LEADER, username="leder")
    old, new = old_and_new
    before = compliance_for_user(leader)
    assert participants_anonymise() == 1
    old.refresh_from_db()
    assert (old.name, old.national_id, old.duf_number, old.language) == ("", "", "", "")
    assert old.reference.startswith("anonym-") and old.reference != "GAMMEL-1"
    assert old.birth_date == D(1986, 1, 1)
    assert old.anonymised_at is not None
    assert old.guidance_case.completed_on == D(2021, 4, 1)
    assert old.guidance_case.recommendation_note == ""
    assert old.referrals.get().note == ""
    assert (old.settlement_date, old.decision_date, old.mapping_date) == (D(2021, 3, 1), D(2021, 5, 1), D(2021, 3, 5))
    after = compliance_for_user(leader)
    assert after.total.decided == before.total.decided
    assert after.total.guidance_before_decision == before.total.guidance_before_decision
    assert after.total.median_days == before.total.median_days
    assert old not in participants_for_user(leader)
    new.refresh_from_db()
    assert new.anonymised_at is None and new.name


def test_the_audit_log_no_longer_holds_the_personal_values(old_and_new):
    old, _ = old_and_new
    participants_anonymise()
    text = " ".join(str(e.changes) + e.object_repr for e in LogEntry.objects.all())
    for secret in (
        "GAMMEL-1",
        "Endret Navn",
        "Testperson Fiktiv",
        "201712345678",
        "Ring før møtet",
        "arabisk",
        "95088",
    ):
        assert secret not in text, (secret, text)


def test_anonymised_participants_cannot_be_changed(old_and_new):
    old, _ = old_and_new
    participants_anonymise()
    old.refresh_from_db()
    with pytest.raises(ApplicationError):
        participant_update(participant=old, version=None, name="X")


def test_the_command_takes_days_and_dry_run(old_and_new):
    out = io.StringIO()
    call_command("anonymise-participants", "--dry-run", stdout=out)
    assert "1 deltakere" in out.getvalue()
    assert not Participant.objects.filter(anonymised_at__isnull=False).exists()
    call_command("anonymise-participants", "--days", "1000", stdout=out)
    assert Participant.objects.filter(anonymised_at__isnull=False).count() == 1
    code, _, err = cli("anonymise-participants", "--days", "0")
    assert code == 2 and "--days må være minst 1." in err
