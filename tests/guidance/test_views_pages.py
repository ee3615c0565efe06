"""The guidance pages: the list and its filters, the participant's page and forms, the queue and the case
actions, § 30 training and its export, compliance."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import Participant, TrainingEnrolment

from .factories import case_of, participant_make

TODAY = timezone.localdate()
VALID_FNR = "17059010182"  # synthetic: birth date 17.05.1990 (the factory's), valid check digits


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.SCHOOL_COORDINATOR, username="skolekoordinator")


@pytest.fixture
def decided(county):
    """Decision made five days ago, no mapping, no guidance: mapping and guidance are missing."""
    return participant_make(
        county, reference="T-1", settlement_date=days_ago(40), permit_date=days_ago(60), decision_date=days_ago(5)
    )


@pytest.fixture
def referred(decided, municipal_user):
    services.referral_create(participant=decided, user=municipal_user, mapping_date=days_ago(20))
    return Participant.objects.get(pk=decided.pk)


def test_every_page_renders_for_a_counsellor(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    for url in [
        "/veiledning/deltakere/",
        f"/veiledning/deltakere/{referred.pk}/",
        "/veiledning/deltakere/ny/",
        f"/veiledning/deltakere/{referred.pk}/endre/",
        f"/veiledning/deltakere/{referred.pk}/vedtak/",
        "/veiledning/ko/",
        "/veiledning/ko/?mine=1",
        f"/veiledning/saker/{case.pk}/book/",
        f"/veiledning/saker/{case.pk}/samtale/",
        f"/veiledning/saker/{case.pk}/fullfor/",
        f"/veiledning/saker/{case.pk}/tildel/",
        "/veiledning/etterlevelse/",
    ]:
        assert client.get(url).status_code == 200, url


def test_training_enrolment_update_and_list(county, coordinator, client_for):
    participant = participant_make(county, reference="S-1", full_time_upper_secondary=True)
    client = client_for(coordinator)
    assert "S-1" in client.get("/veiledning/opplaering/").content.decode()
    response = client.post(
        f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/",
        {
            "school": "Thora Storm vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "hours_planned": "300",
        },
    )
    assert response.status_code == 302
    enrolment = TrainingEnrolment.objects.get(participant=participant)
    response = client.post(
        f"/veiledning/opplaering/{enrolment.pk}/endre/",
        {
            "version": enrolment.version,
            "school": "Thora Storm vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "hours_planned": "300",
            "hours_attended": "120",
            "absence_hours": "14",
        },
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.absence_hours == 14
    page = client.get("/veiledning/opplaering/").content.decode()
    assert "Thora Storm vgs" in page


def test_an_end_before_start_is_a_form_error(county, coordinator, client_for):
    participant = participant_make(county, reference="S-2", full_time_upper_secondary=True)
    response = client_for(coordinator).post(
        f"/veiledning/opplaering/deltakere/{participant.pk}/meld-opp/",
        {
            "school": "X vgs",
            "target_level": "B1",
            "start": "2024-08-19",
            "end": "2024-01-01",
        },
    )
    assert response.status_code == 400
    assert not TrainingEnrolment.objects.exists()


def _export_setup(county, municipal_user):
    p = participant_make(county, reference="E-1", full_time_upper_secondary=True, national_id=VALID_FNR)
    services.training_enrol(participant=p, school="Byåsen vgs", target_level="B1", start=datetime.date(2024, 8, 19))
    enrolment = TrainingEnrolment.objects.get(participant=p)
    services.training_update(enrolment=enrolment, version=enrolment.version, absence_hours=7)
    services.referral_create(participant=p, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    services.case_complete(case=case_of(p), completed_on=datetime.date(2021, 4, 1), recommendation="work")
    other = participant_make(county, reference="E-2", municipality="5006", full_time_upper_secondary=True)
    services.training_enrol(
        participant=other, school="Steinkjer vgs", target_level="A2", start=datetime.date(2024, 8, 19)
    )
    return p, other


def test_the_csv_export_is_semicolon_separated_utf8_with_bom(county, municipal_user, counsellor, client_for):
    _export_setup(county, municipal_user)
    response = client_for(counsellor).get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=5001")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["kommunenummer", "referanse", "navn"]
    assert rows[1][1] == "E-1"
    assert rows[1][4] == "2021-04-01" and rows[1][5] == "Arbeid"
    assert rows[1][10] == "7"
    assert len(rows) == 2  # only Trondheim's
    assert VALID_FNR not in body.decode("utf-8-sig")


def test_the_xlsx_export_has_the_same_rows(county, municipal_user, counsellor, client_for):
    _export_setup(county, municipal_user)
    response = client_for(counsellor).get("/veiledning/eksport/veiledning-og-fravaer.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][1] == "referanse"
    assert sorted(v[1] for v in values[1:]) == ["E-1", "E-2"]


def test_an_unknown_export_format_or_municipality_is_not_a_500(counsellor, client_for):
    client = client_for(counsellor)
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.pdf").status_code == 404
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=4601").status_code == 400


def test_compliance_shows_the_figures_and_links_to_the_participants_behind_them(
    county, municipal_user, counsellor, client_for
):
    p, _ = _export_setup(county, municipal_user)
    services.decision_register(
        participant=Participant.objects.get(pk=p.pk), version=None, decision_date=datetime.date(2021, 5, 1)
    )
    response = client_for(counsellor).get("/veiledning/etterlevelse/")
    page = response.content.decode()
    assert response.context["data"].total.guidance_before_decision == 1
    assert "100\xa0%" in page
    assert "/veiledning/deltakere/?kommune=5001&amp;figur=guidance_before_decision" in page
    behind = client_for(counsellor).get("/veiledning/deltakere/?kommune=5001&figur=guidance_before_decision")
    assert [x.reference for x in behind.context["page"]] == ["E-1"]


def test_compliance_without_access_to_participants_shows_numbers_without_links(
    county, municipal_user, make_user, client_for
):
    _export_setup(county, municipal_user)
    leader = make_user(Role.LEADER, username="leder")
    page = client_for(leader).get("/veiledning/etterlevelse/").content.decode()
    assert "Kartlegging mangler" not in page or "/veiledning/deltakere/?" not in page
    assert "/veiledning/deltakere/?" not in page


def test_the_compliance_query_count_does_not_grow(county, counsellor, client_for, django_assert_max_num_queries):
    for i in range(30):
        participant_make(
            county,
            reference=f"C-{i}",
            municipality="5001" if i % 2 else "5006",
            decision_date=datetime.date(2021, 5, 1),
        )
    client = client_for(counsellor)
    with django_assert_max_num_queries(12):
        client.get("/veiledning/etterlevelse/")
