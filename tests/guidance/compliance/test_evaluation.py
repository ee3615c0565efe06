"""The evaluation by the rules core, cached on the participant and its finding rows, refreshed nightly."""

import datetime

import pytest

from integrering.guidance.compliance.services import participants_refresh
from integrering.guidance.models import ParticipantFinding
from integrering.legal import ParticipantFacts, evaluate
from tests.guidance.factories import D, participant_make

pytestmark = pytest.mark.django_db


def test_a_new_participant_is_evaluated_and_its_findings_are_stored(county):
    participant = participant_make(county)
    participant.refresh_from_db()
    assert participant.in_target_group is True
    assert participant.decision_deadline == D(2021, 6, 1)
    assert "DECISION_OVERDUE" in participant.findings
    assert set(ParticipantFinding.objects.filter(participant=participant).values_list("code", flat=True)) == set(
        participant.findings
    )


def test_the_cached_findings_equal_the_rules_core(county):
    participant = participant_make(county, mapping_date=D(2021, 3, 10), decision_date=D(2021, 5, 1))
    expected = evaluate(
        ParticipantFacts(
            evaluation_date=datetime.date.today(),
            birth_date=D(1990, 5, 17),
            permit_category="flyktning",
            permit_date=D(2021, 1, 10),
            settlement_date=D(2021, 3, 1),
            settled_by_agreement=True,
            education_level="grunnskole",
            mapping_date=D(2021, 3, 10),
            decision_date=D(2021, 5, 1),
        )
    )
    assert participant.findings == list(expected.codes)


def test_refresh_updates_time_dependent_findings(county):
    participant = participant_make(county, settlement_date=datetime.date.today())
    assert "DECISION_OVERDUE" not in participant.findings
    later = datetime.date.today() + datetime.timedelta(days=200)
    assert participants_refresh(county=county, today=later) == 1
    participant.refresh_from_db()
    assert "DECISION_OVERDUE" in participant.findings


def test_the_evaluate_command_refreshes_and_reevaluates_all(county):
    import io

    from django.core.management import call_command

    participant_make(county)
    out = io.StringIO()
    call_command("evaluate-participants", "--county", "50", stdout=out)
    assert "Vurderte 0 deltakere" in out.getvalue()  # evaluated today already
    call_command("evaluate-participants", "--all", stdout=out)
    assert "Vurderte 1 deltakere" in out.getvalue()
