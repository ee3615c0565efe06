"""Trøndelag demo data: county 50, the seed's contact persons and one demo user per role.

Demo users exist only where this is loaded (``integrering load-demo-data``, which ``make run`` calls);
the command refuses to run in production mode. The users come first (the other apps' demo data names
them); then every app's ``load(*, county, stdout)`` registered with ``core.registry.demo_register`` is
called in its order.
"""

import csv
import datetime
import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from integrering.accounts.services import user_save
from integrering.core.models import County, User
from integrering.core.registry import demo_loaders
from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.municipalities.reference_data import DATA_DIR

CONTACTS_FROM = datetime.date(2020, 1, 1)

DEMO_USERS = [
    # username, first name, last name, roles, municipality number
    ("admin", "Ada", "Administrator", {Role.COUNTY_ADMIN}, None),
    ("veileder", "Vera", "Veileder", {Role.CAREER_COUNSELLOR}, None),
    ("skolekoordinator", "Sigurd", "Skolekoordinator", {Role.SCHOOL_COORDINATOR}, None),
    ("tilskudd", "Tiril", "Tilskudd", {Role.GRANT_CASEWORKER}, None),
    ("leder", "Leif", "Leder", {Role.LEADER}, None),
    ("revisor", "Rita", "Revisor", {Role.AUDITOR}, None),
    ("kommune5001", "Kari", "Trondheim kommune", {Role.MUNICIPAL_USER}, "5001"),
    ("kommune5006", "Knut", "Steinkjer kommune", {Role.MUNICIPAL_USER}, "5006"),
    # Grants: an applicant of a voluntary organisation (its organisation and draft come from the grants demo).
    ("soker", "Siri", "Søker", {Role.APPLICANT}, None),
]


def _contact_rows() -> list[dict[str, str]]:
    with open(DATA_DIR / "kontaktpersoner_trondelag_2020.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _save_demo_user(county, username, first, last, roles, password, *, email="", municipality=None) -> User:
    user = User.objects.filter(username=username).first() or User(username=username)
    user.first_name, user.last_name, user.email = first, last, email
    user.municipality, user.is_active = municipality, True
    return user_save(user=user, county=county, roles=roles, password=password)


def _load_contact_persons(county, password) -> list[User]:
    """The seed's contact persons as advisers; the first of them logs in as ``radgiver``."""
    people: dict[str, User] = {}
    for row in _contact_rows():
        email = row["epost"]
        if email not in people:
            first, _space, last = row["kontaktperson"].rpartition(" ")
            username = "radgiver" if not people else email.split("@")[0]
            people[email] = _save_demo_user(county, username, first, last, {Role.ADVISER}, password, email=email)
        municipality = Municipality.objects.get(number=row["kommunenummer"])
        # Only where nobody has been assigned yet: a reload keeps the contact history made since.
        if not ContactAssignment.objects.filter(municipality=municipality).exists():
            ContactAssignment.objects.create(municipality=municipality, person=people[email], start=CONTACTS_FROM)
    return list(people.values())


@transaction.atomic
def demo_data_load(*, password: str | None, stdout) -> str:
    """Load the demo county; returns the demo users' password (generated when none is given)."""
    password = password or secrets.token_urlsafe(12)
    county = County.objects.get(number="50")
    advisers = _load_contact_persons(county, password)
    for username, first, last, roles, number in DEMO_USERS:
        municipality = Municipality.objects.get(number=number) if number else None
        _save_demo_user(county, username, first, last, roles, password, municipality=municipality)
    for loader in demo_loaders():
        loader.load(county=county, stdout=stdout)
    usernames = [a.username for a in advisers] + [u[0] for u in DEMO_USERS]
    stdout.write(_("Demo users: %(usernames)s") % {"usernames": ", ".join(usernames)})
    return password
