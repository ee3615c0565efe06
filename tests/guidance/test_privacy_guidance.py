"""Privacy: scoped to municipality and county (404 outside), every read of a participant's page and every
export logged, the fødselsnummer never in full in a list, never in a URL."""

import datetime

import pytest

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance import services
from integrering.guidance.models import GuidanceCase
from tests.pages import without_tokens

from .factories import participant_make

FNR = "17059010182"  # synthetic, matches the factory's birth date


@pytest.fixture
def trondheim(county):
    return participant_make(county, reference="TRD-9", municipality="5001", national_id=FNR)


@pytest.fixture
def steinkjer(county):
    return participant_make(county, reference="STK-9", municipality="5006", full_time_upper_secondary=True)


@pytest.fixture
def counsellor(make_user):
    return make_user(Role.CAREER_COUNSELLOR, username="veileder")


def test_a_municipal_user_cannot_read_another_municipalitys_participant_by_guessing_its_id(
    trondheim, steinkjer, municipal_user, client_for
):
    client = client_for(municipal_user)
    assert client.get(f"/veiledning/deltakere/{trondheim.pk}/").status_code == 200
    for path in ["", "endre/", "vedtak/", "henvis/"]:
        assert client.get(f"/veiledning/deltakere/{steinkjer.pk}/{path}").status_code == 404, path
    assert (
        client.post(f"/veiledning/deltakere/{steinkjer.pk}/henvis/", {"mapping_date": "2021-03-05"}).status_code == 404
    )
    assert not GuidanceCase.objects.filter(participant=steinkjer).exists()


def test_a_municipal_users_list_and_filters_show_only_their_municipality(
    trondheim, steinkjer, municipal_user, client_for
):
    client = client_for(municipal_user)
    page = without_tokens(client.get("/veiledning/deltakere/").content.decode())
    assert "TRD-9" in page and "STK-9" not in page
    assert [p.reference for p in client.get("/veiledning/deltakere/?kommune=5006").context["page"]] == ["TRD-9"]
    assert "5006" not in without_tokens(client.get("/veiledning/etterlevelse/").content.decode())


def test_a_county_user_cannot_read_a_participant_of_another_county(other_county, counsellor, client_for):
    elsewhere = participant_make(other_county, reference="VTF-1", municipality="4601")
    client = client_for(counsellor)
    assert client.get(f"/veiledning/deltakere/{elsewhere.pk}/").status_code == 404
    assert "VTF-1" not in client.get("/veiledning/deltakere/").content.decode()


def test_a_case_of_another_county_is_404_for_a_counsellor(other_county, make_user, counsellor, client_for):
    referrer = make_user(Role.MUNICIPAL_USER, username="k4601", municipality="4601", county_obj=other_county)
    elsewhere = participant_make(other_county, reference="VTF-2", municipality="4601")
    services.referral_create(participant=elsewhere, user=referrer, mapping_date=datetime.date(2021, 3, 5))
    case = GuidanceCase.objects.get(participant=elsewhere)
    client = client_for(counsellor)
    assert client.get(f"/veiledning/saker/{case.pk}/book/").status_code == 404
    assert client.post(f"/veiledning/saker/{case.pk}/ta/").status_code == 404
    assert "VTF-2" not in client.get("/veiledning/ko/").content.decode()


def test_every_view_of_a_participants_page_is_logged(trondheim, counsellor, client_for):
    client = client_for(counsellor)
    client.get(f"/veiledning/deltakere/{trondheim.pk}/")
    client.get(f"/veiledning/deltakere/{trondheim.pk}/")
    reads = list(PersonalDataAccess.objects.filter(user=counsellor))
    assert len(reads) == 2
    assert all(r.action == "view" and r.record_type == "participant" and r.record_ids == [trondheim.pk] for r in reads)


def test_a_failed_guess_is_not_logged_as_a_read(steinkjer, municipal_user, client_for):
    client_for(municipal_user).get(f"/veiledning/deltakere/{steinkjer.pk}/")
    assert not PersonalDataAccess.objects.filter(user=municipal_user).exists()


def test_the_reads_show_on_the_auditors_page(trondheim, counsellor, county_admin, client_for):
    client_for(counsellor).get(f"/veiledning/deltakere/{trondheim.pk}/")
    page = client_for(county_admin).get("/admin/revisjon/").content.decode()
    assert "Veileder" in page and "<td>Åpnet siden</td><td>Deltaker</td>" in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_is_logged_with_the_participants_in_it(
    fmt, trondheim, steinkjer, county, counsellor, make_user, client_for
):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19)
    )
    response = client_for(coordinator).get(f"/veiledning/eksport/veiledning-og-fravaer.{fmt}")
    assert response.status_code == 200
    read = PersonalDataAccess.objects.get(user=coordinator)
    assert read.action == "export" and read.record_type == "participant"
    assert read.record_ids == [steinkjer.pk]


def test_a_municipal_user_exports_only_their_own_municipality(trondheim, steinkjer, municipal_user, client_for):
    services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19)
    )
    client = client_for(municipal_user)
    body = client.get("/veiledning/eksport/veiledning-og-fravaer.csv").content.decode("utf-8-sig")
    assert "STK-9" not in body
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=5006").status_code == 400


def test_the_list_never_shows_a_fodselsnummer_in_full_and_urls_use_the_id(trondheim, counsellor, client_for):
    page = client_for(counsellor).get("/veiledning/deltakere/").content.decode()
    assert FNR not in page
    assert "Registrert – skjult" in page
    assert FNR[:6] not in without_tokens(page)  # not even the digits the birth date would give away
    assert f'href="/veiledning/deltakere/{trondheim.pk}/"' in page
    queue_and_compliance = (
        client_for(counsellor).get("/veiledning/ko/").content.decode()
        + client_for(counsellor).get("/veiledning/etterlevelse/").content.decode()
    )
    assert FNR not in queue_and_compliance


def test_the_list_search_does_not_search_fodselsnummer_so_it_never_needs_to_be_in_a_url(
    trondheim, counsellor, client_for
):
    response = client_for(counsellor).get(f"/veiledning/deltakere/?q={FNR}")
    assert list(response.context["page"]) == []


def test_the_participant_page_masks_the_fodselsnummer_until_asked_and_logs_the_reveal(
    trondheim, counsellor, client_for
):
    client = client_for(counsellor)
    page = client.get(f"/veiledning/deltakere/{trondheim.pk}/").content.decode()
    assert FNR not in page and "Registrert – skjult" in page
    assert FNR[:6] not in without_tokens(page) and FNR[6:] not in without_tokens(page)  # no part of it
    revealed = client.get(f"/veiledning/deltakere/{trondheim.pk}/?vis=fodselsnummer").content.decode()
    assert FNR in revealed
    actions = list(PersonalDataAccess.objects.filter(record_ids=[trondheim.pk]).values_list("action", flat=True))
    assert sorted(actions) == ["view", "view_national_id"]


def _edit_data(participant, **changes) -> dict:
    data = {
        "municipality": participant.municipality_id,
        "name": participant.name,
        "birth_date": "1990-05-17",
        "permit_category": "flyktning",
        "permit_date": "2021-01-10",
        "settlement_date": "2021-03-01",
        "settled_by_agreement": "true",
        "education_level": "grunnskole",
        "interpreter_needed": "unknown",
        "full_time_upper_secondary": "unknown",
        "version": str(participant.version),
    }
    return data | changes


def test_the_edit_form_never_shows_the_fodselsnummer_and_opening_it_is_logged_as_a_read(
    trondheim, municipal_user, client_for
):
    client = client_for(municipal_user)
    page = without_tokens(client.get(f"/veiledning/deltakere/{trondheim.pk}/endre/").content.decode())
    assert FNR not in page and FNR[6:] not in page
    assert "Registrert – skjult" in page
    read = PersonalDataAccess.objects.get(user=municipal_user)
    assert (read.action, read.record_type, read.record_ids) == ("view", "participant", [trondheim.pk])
    response = client.post(
        f"/veiledning/deltakere/{trondheim.pk}/endre/", {"name": "", "version": "1", "birth_date": "31.02.1990"}
    )
    assert response.status_code == 400  # a form error shows the form again: another read
    assert PersonalDataAccess.objects.filter(user=municipal_user).count() == 2


def test_an_empty_number_field_keeps_the_registered_number_and_remove_removes_it(trondheim, municipal_user, client_for):
    client = client_for(municipal_user)
    url = f"/veiledning/deltakere/{trondheim.pk}/endre/"
    assert client.post(url, _edit_data(trondheim, name="Nytt Navn", national_id="")).status_code == 302
    trondheim.refresh_from_db()
    assert (trondheim.name, trondheim.national_id) == ("Nytt Navn", FNR)
    both = client.post(url, _edit_data(trondheim, national_id=FNR, remove_national_id="on"))
    assert both.status_code == 400
    assert client.post(url, _edit_data(trondheim, remove_national_id="on")).status_code == 302
    trondheim.refresh_from_db()
    assert trondheim.national_id == ""


@pytest.mark.parametrize("path", ["endre/", "vedtak/"])
def test_a_post_without_the_version_is_refused_and_changes_nothing(path, trondheim, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{trondheim.pk}/{path}", {"decision_date": "2021-05-01"}
    )
    assert response.status_code == 400
    trondheim.refresh_from_db()
    assert (trondheim.name, trondheim.national_id, trondheim.decision_date, trondheim.version) == (
        "Testperson Fiktiv",
        FNR,
        None,
        1,
    )


def test_a_training_update_without_the_version_is_refused(steinkjer, make_user, client_for):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    enrolment = services.training_enrol(
        participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2021, 8, 16)
    )
    response = client_for(coordinator).post(
        f"/veiledning/opplaering/{enrolment.pk}/endre/",
        {"school": "", "target_level": "B1", "start": "2021-08-16", "absence_hours": "999"},
    )
    assert response.status_code == 400
    enrolment.refresh_from_db()
    assert enrolment.school == "Steinkjer vgs" and enrolment.absence_hours in (None, 0)


def _read_descriptions(user) -> list[str]:
    return list(PersonalDataAccess.objects.filter(user=user, action="view").values_list("description", flat=True))


def test_the_case_decision_and_referral_forms_log_a_read_of_the_participant(
    trondheim, municipal_user, counsellor, client_for
):
    municipal = client_for(municipal_user)
    for path in ("vedtak/", "henvis/"):
        assert municipal.get(f"/veiledning/deltakere/{trondheim.pk}/{path}").status_code == 200
    services.referral_create(participant=trondheim, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    assert municipal.get(f"/veiledning/deltakere/{trondheim.pk}/trekk-henvisning/").status_code == 200
    assert sorted(_read_descriptions(municipal_user)) == [
        "Henvisningsskjema",
        "Skjema: trekk henvisning",
        "Vedtaksskjema",
    ]
    case = GuidanceCase.objects.get(participant=trondheim)
    guide = client_for(counsellor)
    for path in ("book/", "tildel/", "samtale/", "fullfor/"):
        assert guide.get(f"/veiledning/saker/{case.pk}/{path}").status_code == 200
    reads = PersonalDataAccess.objects.filter(user=counsellor)
    assert reads.count() == 4
    assert all(r.record_ids == [trondheim.pk] and r.action == "view" for r in reads)


def test_saving_a_form_is_not_logged_as_a_read_of_the_page_not_shown(trondheim, municipal_user, client_for):
    response = client_for(municipal_user).post(
        f"/veiledning/deltakere/{trondheim.pk}/henvis/", {"mapping_date": "2021-03-05"}
    )
    assert response.status_code == 302
    assert _read_descriptions(municipal_user) == []
