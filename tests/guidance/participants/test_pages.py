"""The participant pages: the list and its filters, the participant's page, register, edit, the decision."""

import datetime

import pytest

from integrering.core.roles import Role
from integrering.guidance.models import Participant
from tests.guidance.factories import FNR, days_ago, participant_make


def test_the_list_shows_findings_as_norwegian_labels_with_severity(decided, counsellor, client_for):
    page = client_for(counsellor).get("/veiledning/deltakere/").content.decode()
    assert "Veiledning mangler" in page and "Advarsel" in page
    assert "Kartlegging mangler" in page and "Feil" in page
    rows = page.split("<tbody>")[1]
    # the Norwegian label first, the code after it, small (for support)
    assert rows.index("Kartlegging mangler") < rows.index("<code>MAPPING_MISSING</code>")
    assert '<small class="finding-code muted"><code>MAPPING_MISSING</code></small>' in rows


def test_the_list_filters_by_municipality_finding_severity_and_text(county, counsellor, client_for):
    participant_make(county, reference="TRD-1", municipality="5001", decision_date=datetime.date(2021, 5, 1))
    participant_make(county, reference="STK-1", municipality="5006")
    client = client_for(counsellor)

    def refs(query):
        return [p.reference for p in client.get(f"/veiledning/deltakere/?{query}").context["page"]]

    assert refs("kommune=5006") == ["STK-1"]
    assert refs("funn=GUIDANCE_MISSING") == ["TRD-1"]
    assert refs("alvorlighet=warning") == ["TRD-1"]
    assert refs("q=stk") == ["STK-1"]
    assert refs("figur=decided") == ["TRD-1"]
    assert sorted(refs("kommune=bogus")) == ["STK-1", "TRD-1"]  # a bad filter is ignored, never a 500


def test_the_list_query_count_does_not_grow_with_participants(
    county, counsellor, client_for, django_assert_max_num_queries
):
    for i in range(30):
        participant_make(county, reference=f"N-{i}")
    client = client_for(counsellor)
    with django_assert_max_num_queries(13):  # 13: the register export form lists the municipalities too
        response = client.get("/veiledning/deltakere/")
    assert len(response.context["page"]) == 30


def test_a_municipal_user_registers_a_participant_in_their_own_municipality(municipal_user, client_for):
    response = client_for(municipal_user).post(
        "/veiledning/deltakere/ny/",
        {
            "municipality": "",
            "reference": "K-77",
            "name": "Ny Person",
            "birth_date": "1990-05-17",
            "national_id": "170590 10182",
            "permit_category": "flyktning",
            "permit_date": "2024-01-10",
            "settlement_date": "2024-03-01",
            "settled_by_agreement": "true",
            "education_level": "",
            "interpreter_needed": "unknown",
            "full_time_upper_secondary": "unknown",
        },
    )
    assert response.status_code == 302
    participant = Participant.objects.get(reference="K-77")
    assert participant.municipality.number == "5001"
    assert participant.national_id == FNR
    assert participant.in_target_group is True


@pytest.mark.parametrize(
    "number,message",
    [
        ("17059010183", "Ugyldig fødselsnummer"),
        ("1705901018", "Ugyldig fødselsnummer"),
        ("18059010030", "stemmer ikke med fødselsdatoen"),
    ],
)
def test_a_bad_fodselsnummer_gives_a_clear_norwegian_error_and_nothing_is_saved(
    number, message, counsellor, client_for
):
    response = client_for(counsellor).post(
        "/veiledning/deltakere/ny/",
        {
            "municipality": _pk("5001"),
            "reference": "K-78",
            "birth_date": "1990-05-17",
            "national_id": number,
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Participant.objects.filter(reference="K-78").exists()


def _pk(number):
    from integrering.municipalities.models import Municipality

    return Municipality.objects.get(number=number).pk


def test_editing_a_participant_re_evaluates_and_a_stale_version_is_refused(decided, counsellor, client_for):
    client = client_for(counsellor)
    form = client.get(f"/veiledning/deltakere/{decided.pk}/endre/").context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data |= {
        "municipality": _pk("5001"),
        "mapping_date": days_ago(30).isoformat(),
        "settled_by_agreement": "true",
        "interpreter_needed": "unknown",
        "full_time_upper_secondary": "unknown",
    }
    assert client.post(f"/veiledning/deltakere/{decided.pk}/endre/", data).status_code == 302
    decided.refresh_from_db()
    assert "MAPPING_MISSING" not in decided.findings
    stale = client.post(f"/veiledning/deltakere/{decided.pk}/endre/", data)  # the same, old version again
    assert stale.status_code == 409
    assert "Noen andre har endret" in stale.content.decode()


def test_the_municipality_registers_its_decision(county, municipal_user, client_for):
    participant = participant_make(county, reference="V-1", settlement_date=days_ago(200), permit_date=days_ago(220))
    assert "DECISION_OVERDUE" in participant.findings
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{participant.pk}/vedtak/",
        {
            "version": participant.version,
            "decision_date": days_ago(150).isoformat(),
            "programme_start": days_ago(140).isoformat(),
            "end_goal": "videregaende",
            "planned_duration_months": "24",
            "extension_months": "",
        },
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.decision_date == days_ago(150)
    assert participant.end_goal == "videregaende"
    assert "DECISION_OVERDUE" not in participant.findings


def test_negative_months_are_a_form_error(decided, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{decided.pk}/vedtak/",
        {
            "version": decided.version,
            "decision_date": days_ago(5).isoformat(),
            "planned_duration_months": "-3",
        },
    )
    assert response.status_code == 400


def test_the_participant_page_shows_facts_derived_facts_and_findings(referred, counsellor, client_for):
    page = client_for(counsellor).get(f"/veiledning/deltakere/{referred.pk}/").content.decode()
    assert "I målgruppen (§ 8)" in page
    assert "Rett og plikt til karriereveiledning (§ 11)" in page
    assert "Vedtak om introduksjonsprogram er fattet, men ingen fullført karriereveiledning" in page
    assert "§ 11" in page
    assert 'hx-post="/veiledning/saker/' in page


@pytest.mark.parametrize(
    "role,actions,absent",
    [
        (
            Role.MUNICIPAL_USER,
            ["Endre opplysninger", "Registrer vedtak og program", "Trekk tilbake henvisningen"],
            ["Ta saken", "hx-post"],
        ),
        (
            Role.AUDITOR,
            [],
            ["Endre opplysninger", "Ta saken", "hx-post", "Henvis til karriereveiledning", "Trekk tilbake"],
        ),
        (
            Role.CAREER_COUNSELLOR,
            ["Ta saken", "hx-post", "Fullfør veiledningen"],
            ["Henvis til karriereveiledning", "Trekk tilbake"],
        ),
    ],
)
def test_the_participant_page_offers_only_the_actions_of_the_role(
    role, actions, absent, referred, make_user, client_for
):
    user = make_user(role, username=f"a_{role.value}", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    page = client_for(user).get(f"/veiledning/deltakere/{referred.pk}/").content.decode()
    assert all(a in page for a in actions), [a for a in actions if a not in page]
    assert not any(a in page for a in absent), [a for a in absent if a in page]


def test_a_municipal_user_may_refer_a_participant_not_yet_referred(decided, municipal_user, client_for):
    page = client_for(municipal_user).get(f"/veiledning/deltakere/{decided.pk}/").content.decode()
    assert "Henvis til karriereveiledning" in page
