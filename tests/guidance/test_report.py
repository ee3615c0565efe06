import contextlib
import io
import json

import pytest
from django.core.management import call_command

from integrering.guidance import services
from integrering.guidance.evaluation import completed_on, participant_facts
from integrering.guidance.models import Participant
from integrering.legal import evaluate

from .factories import D, participant_make

pytestmark = pytest.mark.django_db


def report(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            call_command("guidance-report", "--county", "50", *args, stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def participants(county, other_county):
    participant_make(county, reference="A", mapping_date=D(2021, 3, 5), decision_date=D(2021, 7, 1))
    participant_make(county, reference="B", municipality="5006", permit_category="annen")
    participant_make(county, reference="C", settlement_date=None, settled_by_agreement=None)  # cannot decide
    case_p = participant_make(county, reference="D", mapping_date=D(2021, 3, 5), full_time_upper_secondary=True)
    services.referral_create(participant=case_p, user=None)
    services.case_complete(case=case_p.guidance_case, completed_on=D(2021, 4, 1))
    participant_make(other_county, reference="OTHER", municipality="4601")


def test_the_csv_report_matches_the_rules_core(participants, county):
    code, out, _ = report("--date", "2021-08-01", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "referanse;kommunenummer;i_malgruppe;rett_og_plikt_karriereveiledning;frist_vedtak;funn"
    rows = {line.split(";")[0]: line.split(";") for line in lines[1:]}
    assert set(rows) == {"A", "B", "C", "D"}  # not the other county's
    for p in Participant.objects.filter(county=county).select_related("guidance_case", "municipality"):
        result = evaluate(participant_facts(p, guidance_completed_date=completed_on(p), evaluation_date=D(2021, 8, 1)))
        row = rows[p.reference]
        assert row[1] == p.municipality.number
        assert row[2] == ("ja" if result.derived.in_target_group else "nei")
        assert row[3] == ("ja" if result.derived.right_and_duty_career_guidance else "nei")
        assert row[4] == (result.derived.decision_deadline.isoformat() if result.derived.decision_deadline else "")
        assert row[5] == "|".join(sorted(result.codes))
    assert rows["A"][5] == "DECISION_OVERDUE|GUIDANCE_MISSING"
    assert rows["B"][2] == "nei"
    assert rows["C"][2] == "nei"  # undecided → nei
    assert rows["D"][5] == "COUNTY_NORWEGIAN_TRAINING|DECISION_OVERDUE"


def test_the_json_report_tells_undecided_from_no(participants, tmp_path):
    target = tmp_path / "rapport.json"
    code, _, err = report("--date", "2021-08-01", "--format", "json", "--output", str(target))
    assert code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["vurderingsdato"] == "2021-08-01"
    by_ref = {d["referanse"]: d for d in doc["deltakere"]}
    assert by_ref["C"]["i_malgruppe"] == "nei" and by_ref["C"]["i_malgruppe_avgjort"] is False
    assert by_ref["B"]["i_malgruppe_avgjort"] is True
    assert by_ref["A"]["funn"] == ["DECISION_OVERDUE", "GUIDANCE_MISSING"]


@pytest.mark.parametrize("args", [("--format", "xml"), ("--date", "2021-02-30", "--format", "csv")])
def test_bad_arguments_exit_2(county, args):
    code, _, err = report(*args)
    assert code == 2
    assert err.strip()


def test_the_report_is_logged_as_an_export_of_personal_data(county, tmp_path):
    from django.core.management import call_command

    from integrering.core.models import PersonalDataAccess
    from tests.guidance.factories import participant_make

    participant = participant_make(county, reference="LOGG-1", municipality="5001")
    call_command("guidance-report", "--county", "50", "--format", "csv", "--output", str(tmp_path / "r.csv"))
    entry = PersonalDataAccess.objects.get(action="export")
    assert entry.user is None and entry.county == county
    assert entry.record_ids == [participant.pk]
