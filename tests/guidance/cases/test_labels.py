"""Issue 11 §6: labels show dates as dd.mm.åååå in local time (a referral at 00:30 in Norway is that day's)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from integrering.guidance.cases.services import referral_create
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_a_referrals_label_is_the_norwegian_local_date(county, municipal_user):
    participant = participant_make(county)
    # 23:30 UTC on 31 March is 01:30 on 1 April in Oslo (summer time).
    at = datetime.datetime(2021, 3, 31, 23, 30, tzinfo=datetime.UTC)
    referral = referral_create(participant=participant, user=municipal_user, referred_at=at)
    assert str(referral).endswith("01.04.2021")
    assert at.astimezone(ZoneInfo("Europe/Oslo")).date() == datetime.date(2021, 4, 1)


def test_labels_of_the_audit_log_and_a_scenario_run_are_in_local_time():
    from integrering.core.models import PersonalDataAccess
    from integrering.settlement.scenarios.models import ScenarioRun

    at = datetime.datetime(2021, 3, 31, 23, 30, tzinfo=datetime.UTC)
    assert str(ScenarioRun(method="optimal", run_at=at)).endswith("01.04.2021 01:30")
    assert str(PersonalDataAccess(at=at, action="view")).startswith("01.04.2021 01:30")
