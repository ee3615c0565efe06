"""Demo data: the seed's contact persons, one user per role, DEMO_PASSWORD or a printed random one, never in production."""

import io

import pytest
from django.core.management import CommandError, call_command

from integrering.core.models import User, UserRole
from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment

DEMO_USERNAMES = {
    "radgiver",
    "tonjsan",
    "rungje",
    "admin",
    "veileder",
    "skolekoordinator",
    "tilskudd",
    "leder",
    "revisor",
    "kommune5001",
    "kommune5006",
    "soker",
}


def load(monkeypatch, password=None):
    if password:
        monkeypatch.setenv("DEMO_PASSWORD", password)
    else:
        monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("load-demo-data", stdout=out)
    return out.getvalue()


def test_demo_data_is_never_loaded_in_production(county, settings, monkeypatch):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="aldri i produksjon"):
        load(monkeypatch, "et-langt-demopassord")
    assert not User.objects.exists()


def test_one_demo_user_per_role_with_the_password_of_demo_password(county, settings, monkeypatch):
    settings.DEBUG = True
    load(monkeypatch, "et-langt-demopassord")
    users = {u.username: u for u in User.objects.filter(county=county)}
    assert set(users) >= DEMO_USERNAMES
    assert set().union(*(users[name].role_set for name in DEMO_USERNAMES)) == set(Role)
    assert users["radgiver"].role_set == {Role.ADVISER} and users["admin"].role_set == {Role.COUNTY_ADMIN}
    assert users["kommune5001"].municipality.number == "5001"
    assert all(users[name].check_password("et-langt-demopassord") for name in DEMO_USERNAMES)


def test_the_seeds_contact_persons_and_the_gap_it_leaves(county, settings, monkeypatch):
    settings.DEBUG = True
    load(monkeypatch, "et-langt-demopassord")
    assigned = set(ContactAssignment.objects.values_list("municipality__number", flat=True))
    assert len(assigned) == 37 and "5057" not in assigned  # the seed's list leaves out Ørland
    by_person = dict(
        ContactAssignment.objects.filter(municipality__number="5001").values_list(
            "municipality__number", "person__username"
        )
    )
    assert by_person == {"5001": "radgiver"}


def test_without_demo_password_a_random_one_is_generated_and_printed(county, settings, monkeypatch):
    settings.DEBUG = True
    output = load(monkeypatch)
    password = output.split("Passord for demobrukerne (generert nå): ")[1].split()[0]
    assert len(password) >= 12 and User.objects.get(username="radgiver").check_password(password)


def test_loading_the_demo_data_twice_changes_nothing(county, settings, monkeypatch):
    settings.DEBUG = True
    load(monkeypatch, "et-langt-demopassord")
    counts = (User.objects.count(), UserRole.objects.count(), ContactAssignment.objects.count())
    load(monkeypatch, "et-langt-demopassord")
    assert (User.objects.count(), UserRole.objects.count(), ContactAssignment.objects.count()) == counts


def test_a_demo_password_that_breaks_the_password_rules_is_refused_with_a_clear_message(county, settings, monkeypatch):
    settings.DEBUG = True
    with pytest.raises(CommandError) as error:
        load(monkeypatch, "kort")
    assert error.value.returncode == 2
    assert "DEMO_PASSWORD oppfyller ikke passordreglene" in str(error.value)
    assert "Passordet er for kort. Det må bestå av minst 10 tegn." in str(error.value)
    assert not User.objects.exists()
