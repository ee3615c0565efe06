"""Lost updates of contact persons: an administrator never silently replaces or ends what another just saved."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.municipalities.services import contact_assign, contact_end

D = datetime.date


@pytest.fixture
def trondheim(db):
    return Municipality.objects.get(number="5001")


@pytest.fixture
def fiffi(make_user):
    return make_user(Role.ADVISER, username="fifna")


@pytest.fixture
def rune(make_user):
    return make_user(Role.ADVISER, username="rungje")


def _seen(page: str) -> str:
    found = re.search(r'name="seen" value="([^"]*)"', page)
    assert found, "the assign form carries the periods it was opened with"
    return found.group(1).replace("&quot;", '"')


def test_a_stale_assign_form_does_not_replace_a_contact_person_another_admin_just_assigned(
    county_admin, trondheim, fiffi, rune, client_for
):
    client = client_for(county_admin)
    seen = _seen(client.get("/kommuner/kontaktpersoner/tildel/").content.decode())
    starts = timezone.localdate() + datetime.timedelta(days=10)
    # Meanwhile another administrator makes Fiffi the contact person from today.
    contact_assign(person=fiffi, municipalities=[trondheim], start=timezone.localdate())

    response = client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {"person": rune.pk, "municipalities": [trondheim.pk], "start": starts.isoformat(), "seen": seen},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Noen andre har endret dette siden du åpnet det." in page
    conflict = page[page.index("Lagret av en annen") :]
    assert "5001" in conflict and "Fifna" in conflict and "Rungje" in conflict
    # Nothing written: Fiffi's period is still open, Rune has none.
    assert list(ContactAssignment.objects.filter(municipality=trondheim).values_list("person__username", "end")) == [
        ("fifna", None)
    ]
    # The form now carries the current periods: saving again is a deliberate choice and goes through.
    again = client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {"person": rune.pk, "municipalities": [trondheim.pk], "start": starts.isoformat(), "seen": _seen(page)},
    )
    assert again.status_code == 302
    assert ContactAssignment.objects.filter(municipality=trondheim, person=rune).exists()


def test_a_change_to_another_municipality_does_not_block_the_assignment(
    county_admin, trondheim, fiffi, rune, client_for
):
    client = client_for(county_admin)
    seen = _seen(client.get("/kommuner/kontaktpersoner/tildel/").content.decode())
    contact_assign(person=fiffi, municipalities=Municipality.objects.filter(number="5006"), start=D(2020, 1, 1))
    response = client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {"person": rune.pk, "municipalities": [trondheim.pk], "start": "2020-01-01", "seen": seen},
    )
    assert response.status_code == 302


def test_the_service_refuses_an_assignment_over_periods_changed_since_they_were_seen(trondheim, fiffi, rune):
    from integrering.core.exceptions import ConcurrentEdit
    from integrering.municipalities.services import contact_state

    seen = json.loads(json.dumps(contact_state([trondheim])))
    contact_assign(person=fiffi, municipalities=[trondheim], start=D(2020, 1, 1))
    with pytest.raises(ConcurrentEdit):
        contact_assign(person=rune, municipalities=[trondheim], start=D(2024, 1, 1), seen=seen)
    assert ContactAssignment.objects.filter(municipality=trondheim).count() == 1


def test_ending_a_period_someone_else_changed_since_the_list_was_opened_changes_nothing(
    county_admin, trondheim, fiffi, rune, client_for
):
    contact_assign(person=fiffi, municipalities=[trondheim], start=D(2020, 1, 1))
    period = ContactAssignment.objects.get(person=fiffi)
    client = client_for(county_admin)
    listing = client.get("/kommuner/kontaktpersoner/").content.decode()
    version = re.search(rf'kontaktpersoner/{period.pk}/avslutt/".*?name="version" value="(\d+)"', listing).group(1)
    # Meanwhile another administrator ends it a month ago… (through the service, as the version counts)
    contact_end(assignment=period, end=D(2024, 1, 31))

    response = client.post(f"/kommuner/kontaktpersoner/{period.pk}/avslutt/", {"version": version}, follow=True)

    assert "Noen andre har endret dette siden du åpnet det." in response.content.decode()
    assert ContactAssignment.objects.get(pk=period.pk).end == D(2024, 1, 31)


def test_cancelling_a_planned_period_that_someone_else_changed_is_refused(county_admin, trondheim, rune, client_for):
    starts = timezone.localdate() + datetime.timedelta(days=30)
    contact_assign(person=rune, municipalities=[trondheim], start=starts)
    planned = ContactAssignment.objects.get(person=rune)
    seen_version = planned.version
    planned.end = starts + datetime.timedelta(days=60)
    planned.save()
    response = client_for(county_admin).post(
        f"/kommuner/kontaktpersoner/{planned.pk}/avslutt/", {"version": seen_version}, follow=True
    )
    assert "Noen andre har endret dette" in response.content.decode()
    assert ContactAssignment.objects.filter(pk=planned.pk).exists()
