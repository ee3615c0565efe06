"""The guidance report (the guidance-report command): CSV and JSON, rows as the rules core says, logged."""

import json

import pytest

from integrering.guidance.cases.services import case_complete, referral_create
from integrering.guidance.compliance.facts import completed_on, participant_facts
from integrering.guidance.compliance.reports import FIELDS
from integrering.guidance.models import Participant
from integrering.legal import evaluate
from tests.guidance.factories import D, cli, participant_make

pytestmark = pytest.mark.django_db


def report(*args) -> tuple[int, str, str]:
    return cli("guidance-report", "--county", "50", *args)


@pytest.fixture
def participants(county, other_county):
    participant_make(county, reference="A", mapping_date=D(2021, 3, 5), decision_date=D(2021, 7, 1))
    participant_make(county, reference="B", municipality="5006", permit_category="annen")
    participant_make(county, reference="C", settlement_date=None, settled_by_agreement=None)  # cannot decide
    case_p = participant_make(county, reference="D", mapping_date=D(2021, 3, 5), full_time_upper_secondary=True)
    referral_create(participant=case_p, user=None)
    case_complete(case=case_p.guidance_case, completed_on=D(2021, 4, 1))
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


def test_the_json_report_is_an_array_of_the_csv_rows_with_exactly_the_six_fields(participants, tmp_path):
    target = tmp_path / "rapport.json"
    code, _, err = report("--date", "2021-08-01", "--format", "json", "--output", str(target))
    assert code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(doc, list)
    assert all(list(item) == list(FIELDS) for item in doc)  # exactly the fields, in its order
    assert all(isinstance(value, str) for item in doc for value in item.values())
    _, csv_out, _ = report("--date", "2021-08-01", "--format", "csv")
    csv_rows = [dict(zip(FIELDS, line.split(";"), strict=True)) for line in csv_out.splitlines()[1:]]
    assert doc == csv_rows  # the same values as the CSV, row for row
    by_ref = {d["referanse"]: d for d in doc}
    assert by_ref["A"]["funn"] == "DECISION_OVERDUE|GUIDANCE_MISSING"
    assert by_ref["A"]["frist_vedtak"] == "2021-06-01"
    assert by_ref["C"]["i_malgruppe"] == "nei" and by_ref["C"]["frist_vedtak"] == ""
    assert by_ref["B"]["rett_og_plikt_karriereveiledning"] == "nei"


def _csv_rows(*args) -> dict[str, dict]:
    code, out, _ = report(*args, "--format", "csv")
    assert code == 0
    return {row[0]: dict(zip(FIELDS, row, strict=True)) for row in (line.split(";") for line in out.splitlines()[1:])}


def test_a_report_for_a_past_date_leaves_out_those_not_yet_settled(county):
    participant_make(county, reference="EARLY", settlement_date=D(2021, 3, 1))
    participant_make(county, reference="ON-THE-DAY", settlement_date=D(2021, 8, 1))
    # settled 29.02.2024, decided more than two years later: TWO_YEAR_LIMIT_PASSED today, but not a case in 2021
    participant_make(
        county,
        reference="LATER",
        settlement_date=D(2024, 2, 29),
        permit_date=D(2024, 1, 10),
        mapping_date=D(2024, 3, 5),
        decision_date=D(2026, 3, 1),
    )
    participant_make(county, reference="UNKNOWN", settlement_date=None)
    assert set(_csv_rows("--date", "2021-08-01")) == {"EARLY", "ON-THE-DAY", "UNKNOWN"}
    assert "TWO_YEAR_LIMIT_PASSED" in _csv_rows()["LATER"]["funn"]  # today: everyone


def test_a_report_for_a_past_date_ignores_what_happened_after_it(county):
    """Settled 01.03.2021 (deadline 01.06.2021), mapped 05.03, decided 01.07.2021 without guidance."""
    participant_make(
        county,
        reference="A",
        mapping_date=D(2021, 3, 5),
        decision_date=D(2021, 7, 1),
        end_goal="arbeid",
        planned_duration_months=40,
    )
    assert _csv_rows()["A"]["funn"] == "DECISION_OVERDUE|DURATION_ABOVE_MAXIMUM|GUIDANCE_MISSING"
    before_deadline = _csv_rows("--date", "2021-05-01")["A"]
    assert before_deadline["funn"] == ""  # no decision yet, and the deadline not passed
    assert before_deadline["frist_vedtak"] == "2021-06-01" and before_deadline["i_malgruppe"] == "ja"
    assert _csv_rows("--date", "2021-06-15")["A"]["funn"] == "DECISION_OVERDUE"  # overdue, not yet decided
    decided = _csv_rows("--date", "2021-07-01")["A"]["funn"].split("|")
    assert decided == ["DECISION_OVERDUE", "DURATION_ABOVE_MAXIMUM", "GUIDANCE_MISSING"]


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
