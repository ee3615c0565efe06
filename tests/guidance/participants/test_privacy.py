"""Privacy of the participant register: scoped to municipality and county (404 outside), every list and
every read of a participant's page logged, the fødselsnummer never in full in a list, never in a URL."""

import pytest

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance.models import GuidanceCase
from tests.guidance.factories import FNR, list_reads, participant_make
from tests.pages import without_tokens


def test_the_participant_list_logs_the_participants_on_the_page(county, make_user, client_for):
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    shown = [participant_make(county, reference=f"L-{i:02}") for i in range(3)]
    client = client_for(counsellor)
    client.get("/veiledning/deltakere/")
    client.get("/veiledning/deltakere/?q=L-01")
    client.get("/veiledning/deltakere/?q=ingen-treff")  # an empty list shows nobody and logs nothing
    first, filtered = list_reads(counsellor)
    assert sorted(first.record_ids) == sorted(p.pk for p in shown)
    assert filtered.record_ids == [shown[1].pk]
    assert first.description == "Deltakerliste" and first.record_type == "participant"


def test_the_audit_page_names_the_kind_of_read(county, make_user, county_admin, client_for):
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    participant = participant_make(county, reference="A-1")
    client = client_for(counsellor)
    client.get("/veiledning/deltakere/")
    client.get(f"/veiledning/deltakere/{participant.pk}/")
    page = client_for(county_admin).get("/admin/revisjon/").content.decode()
    assert "Så i en liste" in page and "Åpnet siden" in page
    assert "<td>Deltaker</td>" in page  # the record type by its Norwegian name


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
