"""Activities: register with participants by sector, list with filters, status steps, follow-ups, attachments."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.regional.activities.models import Activity
from integrering.regional.activities.services import activity_create, activity_status_change, attachment_add
from integrering.regional.areas import Area


def test_an_adviser_registers_an_activity_with_participants_by_sector(client_for, adviser):
    response = client_for(adviser).post(
        "/regionalt/aktiviteter/ny/",
        {
            "title": "Kurs i negativ sosial kontroll",
            "activity_type": "course",
            "areas": ["3"],
            "topics": ["forced_marriage"],
            "start_date": "2025-02-03",
            "place": "Steinkjer",
            "participants_schools": "14",
            "participants_health": "6",
            "target_groups": ["schools"],
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response.url == f"/regionalt/aktiviteter/{activity.pk}/"
    assert activity.participants_total == 20
    assert activity.area_numbers == [3]
    assert activity.topics == ["forced_marriage"]
    page = client_for(adviser).get(response.url).content.decode()
    assert "Kurs i negativ sosial kontroll" in page
    assert "Tvangsekteskap" in page


def test_topics_belong_to_area_three(county, adviser):
    with pytest.raises(ApplicationError) as error:
        activity_create(
            county=county,
            user=adviser,
            areas=[Area.GUIDANCE],
            title="Kurs",
            activity_type="course",
            start_date=datetime.date(2025, 1, 1),
            topics=["forced_marriage"],
        )
    assert error.value.field == "topics"


def test_the_list_filters_by_area_municipality_period_and_status(client_for, adviser, activity, county):
    other = activity_create(
        county=county,
        user=adviser,
        areas=[Area.VOLUNTARY],
        title="Frivillighetsforum",
        activity_type="conference",
        start_date=datetime.date(2024, 11, 1),
    )
    client = client_for(adviser)

    def titles(query):
        page = client.get(f"/regionalt/aktiviteter/?{query}").content.decode()
        return {a.title for a in (activity, other) if a.title in page}

    assert titles("") == {activity.title, other.title}
    assert titles("area=2") == {activity.title}
    assert titles("kommune=5006") == {activity.title}
    assert titles("fra=2024-01-01&til=2024-12-31") == {other.title}
    assert titles("status=done") == set()
    assert titles(f"radgiver={adviser.pk}") == {activity.title}
    assert titles("type=conference") == {other.title}


def test_the_status_moves_one_step_at_a_time_and_follow_up_needs_an_evaluation(activity):
    with pytest.raises(ApplicationError):
        activity_status_change(activity=activity, status="followed_up", evaluation="Bra")
    activity_status_change(activity=activity, status="done")
    with pytest.raises(ApplicationError) as error:
        activity_status_change(activity=activity, status="followed_up", evaluation=" ")
    assert error.value.field == "evaluation"
    activity_status_change(activity=activity, status="followed_up", evaluation="Godt oppmøte; ny samling til høsten.")
    activity.refresh_from_db()
    assert activity.status == "followed_up"


def test_a_stale_status_change_is_refused_with_409(client_for, adviser, activity):
    client = client_for(adviser)
    seen = activity.version
    activity_status_change(activity=activity, status="done")
    response = client.post(f"/regionalt/aktiviteter/{activity.pk}/status/", {"version": seen, "evaluation": "x"})
    assert response.status_code in (400, 409)
    activity.refresh_from_db()
    assert activity.status == "done"


def test_a_follow_up_action_is_added_with_owner_and_due_date(client_for, adviser, activity):
    response = client_for(adviser).post(
        f"/regionalt/aktiviteter/{activity.pk}/oppfolging/",
        {"description": "Send referat", "owner": adviser.pk, "due_date": "2025-04-01"},
    )
    assert response.status_code == 302
    action = activity.follow_ups.get()
    assert (action.owner, action.due_date) == (adviser, datetime.date(2025, 4, 1))


def test_an_attachment_is_checked_by_type_content_and_size(activity, adviser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    attachment = attachment_add(activity=activity, upload=pdf, name="Agenda", user=adviser)
    assert attachment.size == len(b"%PDF-1.4 test")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")
    with pytest.raises(ApplicationError):
        attachment_add(activity=activity, upload=fake, name="", user=adviser)
    exe = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ApplicationError):
        attachment_add(activity=activity, upload=exe, name="", user=adviser)
    big = SimpleUploadedFile("big.txt", b"a" * (10 * 1024 * 1024 + 1), content_type="text/plain")
    with pytest.raises(ApplicationError):
        attachment_add(activity=activity, upload=big, name="", user=adviser)


def test_an_attachment_is_downloaded_by_the_county_only(client_for, activity, adviser, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    attachment = attachment_add(activity=activity, upload=pdf, name="Agenda", user=adviser)
    response = client_for(adviser).get(f"/regionalt/aktiviteter/vedlegg/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    municipal = make_user(Role.MUNICIPAL_USER, username="k", municipality="5001")
    assert client_for(municipal).get(f"/regionalt/aktiviteter/vedlegg/{attachment.pk}/").status_code == 403


def test_a_leader_sees_activities_but_cannot_register_them(client_for, make_user, activity):
    leader = make_user(Role.LEADER, username="leder")
    client = client_for(leader)
    assert client.get("/regionalt/aktiviteter/").status_code == 200
    assert client.get(f"/regionalt/aktiviteter/{activity.pk}/").status_code == 200
    assert client.get("/regionalt/aktiviteter/ny/").status_code == 403


def test_another_countys_activity_is_not_found(client_for, make_user, other_county, activity):
    stranger = make_user(Role.ADVISER, username="annen", county_obj=other_county)
    assert client_for(stranger).get(f"/regionalt/aktiviteter/{activity.pk}/").status_code == 404


def test_a_stale_edit_is_refused_with_409_and_the_other_persons_values(client_for, adviser, activity):
    from integrering.regional.activities.services import activity_update

    seen = activity.version
    activity_update(activity=activity, areas=[2], title="Endret av en annen")
    response = client_for(adviser).post(
        f"/regionalt/aktiviteter/{activity.pk}/endre/",
        {"title": "Min tittel", "activity_type": "course", "areas": ["2"], "start_date": "2025-03-04", "version": seen},
    )
    assert response.status_code == 409
    assert "Endret av en annen" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Endret av en annen"


def test_an_organisation_no_longer_in_the_register_stays_linked_when_the_activity_is_edited(
    client_for, adviser, activity, county
):
    from integrering.regional.organisations.models import Organisation
    from integrering.regional.organisations.numbers import fictional_orgnr

    gone = Organisation.objects.create(county=county, orgnr=fictional_orgnr(5), name="Borte-laget", in_register=False)
    activity.organisations.add(gone)
    page = client_for(adviser).get(f"/regionalt/aktiviteter/{activity.pk}/endre/").content.decode()
    assert "Borte-laget" in page
