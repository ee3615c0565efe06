"""`integrering create-county-admin`: the first county administrator of a production installation."""

import io
import sys

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from integrering.core.models import User
from integrering.core.roles import Role

GOOD = "et-langt-og-godt-passord"


def create(monkeypatch, *args, stdin=None, env_password=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
    if env_password:
        monkeypatch.setenv("INTEGRERING_ADMIN_PASSWORD", env_password)
    else:
        monkeypatch.delenv("INTEGRERING_ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("create-county-admin", *args, stdout=out)
    return out.getvalue()


def test_it_creates_a_county_administrator_with_the_password_from_stdin(county, monkeypatch, client):
    out = create(
        monkeypatch,
        "fylkesadmin",
        "--county",
        "50",
        "--email",
        "ada@example.org",
        "--password-stdin",
        stdin=GOOD + "\n",
    )
    assert "Opprettet fylkesadministrator «fylkesadmin» for 50 Trøndelag" in out
    user = User.objects.get(username="fylkesadmin")
    assert user.county == county and user.role_set == {Role.COUNTY_ADMIN} and user.email == "ada@example.org"
    assert user.check_password(GOOD)
    client.post("/logg-inn/", {"username": "fylkesadmin", "password": GOOD})
    assert client.get("/admin/brukere/").status_code == 200
    entry = LogEntry.objects.get_for_object(user).get()
    assert entry.actor is None and entry.additional_data == {"county": "50"}  # on the county's audit page


def test_it_reads_the_password_from_the_environment(county, monkeypatch):
    create(monkeypatch, "admin9", "--county", "3", env_password=GOOD)  # padded: 03 Oslo
    assert User.objects.get(username="admin9").county.number == "03"


@pytest.mark.parametrize(
    "args, stdin, words",
    [
        (["admin", "--county", "99", "--password-stdin"], GOOD, "Det finnes ikke noe fylke med nummer 99."),
        (["admin", "--county", "30", "--password-stdin"], GOOD, "Fylke 30 Viken finnes ikke lenger etter 2023."),
        (["admin", "--county", "50", "--password-stdin"], "kort", "Passordet er for kort."),
        (
            ["admin", "--county", "50", "--password-stdin"],
            "admin-admin-admin",
            "Passordet kan ikke inneholde brukernavnet",
        ),
        (
            ["admin", "--county", "50", "--email", "ikke-epost", "--password-stdin"],
            GOOD,
            "E-post: Oppgi en gyldig e-postadresse",
        ),
        (["ikke gyldig!", "--county", "50", "--password-stdin"], GOOD, "Brukernavn: Oppgi et gyldig brukernavn."),
    ],
)
def test_bad_input_is_refused_in_norwegian_with_exit_2_and_nothing_is_created(county, monkeypatch, args, stdin, words):
    with pytest.raises(CommandError) as error:
        create(monkeypatch, *args, stdin=stdin + "\n")
    assert error.value.returncode == 2
    assert words in str(error.value) and "Brukeren ble ikke opprettet." in str(error.value)
    assert not User.objects.exists()


def test_a_username_that_exists_in_another_case_is_refused(county, monkeypatch, make_user):
    make_user(Role.ADVISER, username="admin")
    with pytest.raises(CommandError, match="Det finnes allerede en bruker med dette brukernavnet"):
        create(monkeypatch, "ADMIN", "--county", "50", "--password-stdin", stdin=GOOD)
    assert User.objects.count() == 1


def test_without_a_password_and_a_terminal_it_says_how_to_give_one():
    from tests.core.test_settings import run_cli

    result = run_cli("create-county-admin", "admin", "--county", "50", env={"DJANGO_DEBUG": "1"})
    assert result.returncode == 2
    assert "Ingen passord: bruk --password-stdin eller miljøvariabelen INTEGRERING_ADMIN_PASSWORD." in result.stderr
    assert "Traceback" not in result.stderr
