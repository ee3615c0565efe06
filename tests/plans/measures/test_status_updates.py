import pytest
from django.db import DatabaseError, transaction

from integrering.core.exceptions import ApplicationError
from integrering.plans.measures import services
from integrering.plans.measures.models import Measure, StatusUpdate


def test_a_status_update_gives_the_measure_its_status_and_light(measure, adviser):
    services.status_update_post(
        measure=measure,
        author=adviser,
        text="Forsinket",
        status="in_progress",
        light="red",
        light_comment="Mangler boliger",
    )
    measure.refresh_from_db()
    assert (measure.status, measure.light, measure.light_comment) == ("in_progress", "red", "Mangler boliger")
    assert measure.last_update_at is not None


def test_a_light_that_is_not_green_needs_a_comment(measure, adviser):
    with pytest.raises(ApplicationError) as raised:
        services.status_update_post(measure=measure, author=adviser, text="x", status="in_progress", light="yellow")
    assert raised.value.field == "light_comment"
    assert not StatusUpdate.objects.exists()


def test_earlier_updates_are_kept_when_a_new_one_is_posted(measure, adviser):
    first = services.status_update_post(
        measure=measure, author=adviser, text="Første", status="in_progress", light="green"
    )
    services.status_update_post(measure=measure, author=adviser, text="Andre", status="done", light="green")
    assert [u.text for u in measure.updates.order_by("created_at", "pk")] == ["Første", "Andre"]
    first.refresh_from_db()
    assert first.text == "Første" and first.status == "in_progress"


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_to_change_a_status_update(county, make_user):
    from integrering.core.roles import Role
    from integrering.plans.measures.services import measure_create
    from integrering.plans.plans.services import focus_area_create, goal_create, plan_create

    adviser = make_user(Role.ADVISER, username="r2")
    plan = plan_create(county=county, title="P", slug="p", first_year=2024, last_year=2025)
    goal = goal_create(focus_area=focus_area_create(plan=plan, identifier="1", title="F"), identifier="1", title="G")
    measure = measure_create(goal=goal, identifier="1", title="M")
    update = services.status_update_post(
        measure=measure, author=adviser, text="Sant", status="in_progress", light="green"
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        StatusUpdate.objects.filter(pk=update.pk).update(text="Omskrevet")
    update.refresh_from_db()
    assert update.text == "Sant"


def test_there_is_no_service_that_changes_or_deletes_a_status_update():
    names = [name for name in dir(services) if name.startswith("status_update_")]
    assert names == ["status_update_post"]


def test_an_adviser_posts_a_status_update_on_the_measure_page(measure, adviser, client_for):
    client = client_for(adviser)
    response = client.post(
        f"/planer/tiltak/{measure.pk}/status/",
        {"text": "Møte holdt", "status": "in_progress", "light": "red", "light_comment": "Sent"},
    )
    assert response.status_code == 302
    page = client.get(f"/planer/tiltak/{measure.pk}/").content.decode()
    assert "Møte holdt" in page
    assert Measure.objects.get(pk=measure.pk).light == "red"


def test_a_red_light_without_a_comment_is_a_form_error_not_a_500(measure, adviser, client_for):
    response = client_for(adviser).post(
        f"/planer/tiltak/{measure.pk}/status/", {"text": "x", "status": "in_progress", "light": "red"}
    )
    assert response.status_code == 400
    assert not StatusUpdate.objects.exists()


def test_a_leader_of_another_county_cannot_open_the_measure(measure, make_user, other_county, client_for):
    from integrering.core.roles import Role

    stranger = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    assert client_for(stranger).get(f"/planer/tiltak/{measure.pk}/").status_code == 404
