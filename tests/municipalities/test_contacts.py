"""Contact-person periods: never overlapping, ended when the person is deactivated, planned ones shown."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.municipalities.services import contact_assign

D = datetime.date


@pytest.fixture
def trondheim(db):
    return Municipality.objects.filter(number="5001")


@pytest.fixture
def fiffi(make_user):
    return make_user(Role.ADVISER, username="fifna")


@pytest.fixture
def rune(make_user):
    return make_user(Role.ADVISER, username="rungje")


def periods(municipality_number: str) -> list[tuple]:
    return list(
        ContactAssignment.objects.filter(municipality__number=municipality_number)
        .order_by("start")
        .values_list("person__username", "start", "end")
    )


def assert_no_overlap(municipality_number: str):
    rows = periods(municipality_number)
    for (_, _, end), (_, next_start, _) in zip(rows, rows[1:], strict=False):
        assert end is not None and end < next_start, rows


def test_an_earlier_start_than_the_current_period_is_rejected_and_nothing_changes(trondheim, fiffi, rune):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        contact_assign(person=rune, municipalities=trondheim, start=D(2019, 6, 1))
    assert "5001" in error.value.messages[0] and "02.01.2020" in error.value.messages[0]
    assert periods("5001") == [("fifna", D(2020, 1, 1), None)]


def test_a_start_on_the_current_periods_first_day_is_rejected(trondheim, fiffi, rune):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    with pytest.raises(ValidationError):
        contact_assign(person=rune, municipalities=trondheim, start=D(2020, 1, 1))
    assert periods("5001") == [("fifna", D(2020, 1, 1), None)]


def test_a_start_inside_an_ended_period_is_rejected(trondheim, fiffi, rune, make_user):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    contact_assign(person=rune, municipalities=trondheim, start=D(2024, 3, 1))
    third = make_user(Role.ADVISER, username="tredje")
    with pytest.raises(ValidationError, match="02.03.2024"):
        contact_assign(person=third, municipalities=trondheim, start=D(2023, 6, 1))
    assert_no_overlap("5001")


def test_one_bad_municipality_stops_the_whole_assignment(fiffi, rune):
    both = Municipality.objects.filter(number__in=["5001", "5006"])
    contact_assign(person=fiffi, municipalities=both.filter(number="5001"), start=D(2022, 1, 1))
    with pytest.raises(ValidationError):
        contact_assign(person=rune, municipalities=both, start=D(2021, 1, 1))
    assert periods("5006") == []


def test_a_later_start_ends_the_current_period_the_day_before(trondheim, fiffi, rune):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    contact_assign(person=rune, municipalities=trondheim, start=D(2020, 1, 2))
    assert periods("5001") == [("fifna", D(2020, 1, 1), D(2020, 1, 1)), ("rungje", D(2020, 1, 2), None)]
    assert_no_overlap("5001")


def test_the_database_refuses_a_second_open_period_for_a_municipality(trondheim, fiffi, rune):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactAssignment.objects.create(municipality=trondheim.get(), person=rune, start=D(2021, 1, 1))


def test_the_form_shows_the_earliest_possible_date_in_norwegian(county_admin, trondheim, fiffi, rune, client_for):
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    response = client_for(county_admin).post(
        "/kommuner/kontaktpersoner/tildel/",
        {
            "person": rune.pk,
            "municipalities": [trondheim.get().pk],
            "start": "2019-06-01",
        },
    )
    assert response.status_code == 200
    assert "den nye perioden kan tidligst begynne 02.01.2020" in response.content.decode()
    assert periods("5001") == [("fifna", D(2020, 1, 1), None)]


def test_deactivating_a_user_ends_their_periods_and_the_gap_shows_at_once(county_admin, fiffi, client_for):
    contact_assign(
        person=fiffi, municipalities=Municipality.objects.filter(number__in=["5001", "5006"]), start=D(2020, 1, 1)
    )
    client = client_for(county_admin)
    response = client.post(f"/admin/brukere/{fiffi.pk}/", {"username": "fifna", "roles": ["adviser"]})
    assert response.status_code == 302
    today = timezone.localdate()
    assert set(ContactAssignment.objects.filter(person=fiffi).values_list("end", flat=True)) == {today}
    overview = client.get("/kommuner/kontaktpersoner/")
    assert {m.number for m in overview.context["without"]} >= {"5001", "5006"}
    assert not overview.context["groups"]
    ended = LogEntry.objects.filter(content_type__model="contactassignment", action=LogEntry.Action.UPDATE)
    assert ended.count() == 2 and {e.actor for e in ended} == {county_admin}


def test_an_inactive_user_is_never_counted_as_a_contact_person(county_admin, fiffi, client_for):
    contact_assign(person=fiffi, municipalities=Municipality.objects.filter(number="5001"), start=D(2020, 1, 1))
    type(fiffi).objects.filter(pk=fiffi.pk).update(is_active=False)  # deactivated behind the service's back
    client = client_for(county_admin)
    assert "5001" in {m.number for m in client.get("/kommuner/kontaktpersoner/").context["without"]}
    rows = {m.number: m for m in client.get("/kommuner/").context["rows"]}
    assert rows["5001"].current_contacts == []


def test_a_planned_period_is_shown_from_its_first_day(county_admin, fiffi, rune, client_for):
    today = timezone.localdate()
    starts = today + datetime.timedelta(days=30)
    trondheim = Municipality.objects.filter(number="5001")
    contact_assign(person=fiffi, municipalities=trondheim, start=D(2020, 1, 1))
    contact_assign(person=rune, municipalities=trondheim, start=starts)
    page = client_for(county_admin).get("/kommuner/kontaktpersoner/").content.decode()
    assert f"fra {starts:%d.%m.%Y}" in page and "Planlagt" in page
    listing = client_for(county_admin).get("/kommuner/").content.decode()
    assert f"Rungje fra {starts:%d.%m.%Y}" in listing


def test_cancelling_a_planned_period_removes_it(county_admin, fiffi, rune, client_for):
    starts = timezone.localdate() + datetime.timedelta(days=30)
    trondheim = Municipality.objects.filter(number="5001")
    contact_assign(person=rune, municipalities=trondheim, start=starts)
    planned = ContactAssignment.objects.get(person=rune)
    client_for(county_admin).post(f"/kommuner/kontaktpersoner/{planned.pk}/avslutt/")
    assert not ContactAssignment.objects.filter(pk=planned.pk).exists()


def test_the_contact_form_lists_official_names_of_this_year_and_people_in_norwegian_order(
    county_admin, make_user, client_for
):
    make_user(Role.ADVISER, username="åse")
    make_user(Role.ADVISER, username="ørjan")
    make_user(Role.ADVISER, username="zara")
    page = client_for(county_admin).get("/kommuner/kontaktpersoner/tildel/").content.decode()
    assert "5041 Snåase - Snåsa" in page
    assert page.index(">Zara<") < page.index(">Ørjan<") < page.index(">Åse<")


def test_the_contact_overview_lists_people_in_norwegian_order(county_admin, make_user, client_for):
    for name, number in (("åse", "5001"), ("ørjan", "5006"), ("zara", "5007")):
        contact_assign(
            person=make_user(Role.ADVISER, username=name),
            municipalities=Municipality.objects.filter(number=number),
            start=D(2020, 1, 1),
        )
    groups = client_for(county_admin).get("/kommuner/kontaktpersoner/").context["groups"]
    assert [g["person"].username for g in groups] == ["zara", "ørjan", "åse"]


def test_the_contact_person_picker_lists_only_the_countys_active_staff(
    county_admin, make_user, other_county, client_for
):
    """Not municipal users, not deactivated users, not another county's staff — and a posted one is refused."""
    staff = make_user(Role.ADVISER, username="stab")
    municipal = make_user(Role.MUNICIPAL_USER, username="kommunal", municipality="5001")
    gone = make_user(Role.ADVISER, username="sluttet")
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)
    foreign = make_user(Role.ADVISER, username="fremmed", county_obj=other_county)
    client = client_for(county_admin)
    form = client.get("/kommuner/kontaktpersoner/tildel/").context["form"]
    listed = set(form.fields["person"].queryset.values_list("username", flat=True))
    assert staff.username in listed and county_admin.username in listed
    assert not listed & {municipal.username, gone.username, foreign.username}
    response = client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {"person": municipal.pk, "municipalities": [Municipality.objects.get(number="5001").pk], "start": "01.01.2030"},
    )
    assert not ContactAssignment.objects.filter(person=municipal).exists()
    assert "person" in response.context["form"].errors
