"""Every visible string has a bokmål translation, and the catalogues are up to date with the code."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

SRC = Path(__file__).resolve().parents[2] / "src" / "integrering"
APP_CATALOGUES = ["accounts", "settlement", "guidance"]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Copy the source, run makemessages as `make messages` does, and return the regenerated .po files."""
    copy = tmp_path_factory.mktemp("i18n") / "integrering"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "data"))
    cwd = Path.cwd()
    try:
        os.chdir(copy)
        call_command(
            "makemessages",
            locale=["nb", "nn"],
            no_location=True,
            verbosity=0,
            ignore_patterns=[f"{app}/*" for app in APP_CATALOGUES],
        )
        for app in APP_CATALOGUES:
            if (copy / app / "locale").exists():
                os.chdir(copy / app)
                call_command("makemessages", locale=["nb", "nn"], no_location=True, verbosity=0)
    finally:
        os.chdir(cwd)
    return sorted(copy.glob("**/locale/n[bn]/LC_MESSAGES/django.po"))


def test_the_project_catalogue_exists(regenerated):
    assert any(p.parts[-5] == "integrering" for p in regenerated)


def test_every_source_string_has_a_bokmal_translation(regenerated):
    untranslated = []
    for path in regenerated:
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if not entry.translated() or "fuzzy" in entry.flags:
                untranslated.append(f"{path.parent.parent.parent.parent.name} ({path.parts[-3]}): {entry.msgid!r}")
    assert not untranslated, "Strings without a bokmål or nynorsk translation:\n" + "\n".join(untranslated)


def test_pages_are_shown_in_bokmal(client):
    page = client.get("/logg-inn/").content.decode()
    assert '<html lang="nb"' in page
    assert "Logg inn" in page and "Brukernavn" in page


OWN_APPS = ("core", "municipalities", "settlement", "guidance", "accounts")


def test_every_model_has_a_translatable_name_in_singular_and_plural():
    """A model without verbose_name shows as its English class name («scenario run») in the audit filter."""
    from django.apps import apps
    from django.utils.functional import Promise

    missing = [
        f"{model._meta.label}: {attr}"
        for model in apps.get_models()
        if model._meta.app_label in OWN_APPS
        for attr in ("verbose_name", "verbose_name_plural")
        if attr not in model._meta.original_attrs or not isinstance(model._meta.original_attrs[attr], Promise)
    ]
    assert not missing, "Models without a translatable name:\n" + "\n".join(missing)


def test_model_names_are_shown_in_bokmal():
    from django.utils import translation

    from integrering.guidance.models import ParticipantFinding
    from integrering.municipalities.models import ContactAssignment, MunicipalityName, Population
    from integrering.settlement.models import CriterionValue, ScenarioRun

    with translation.override("nb"):
        names = [
            str(m._meta.verbose_name)
            for m in (ContactAssignment, MunicipalityName, Population, CriterionValue, ScenarioRun, ParticipantFinding)
        ]
    assert names == [
        "kontaktpersonoppdrag",
        "kommunenavn",
        "folketall",
        "kriterieverdi",
        "scenariokjøring",
        "funn for deltaker",
    ]


def test_every_password_rule_speaks_bokmal(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from integrering.core.models import User

    user = User(username="steinkjer1", first_name="Siv")
    with translation.override("nb"):
        messages = []
        for password in ("kort", "1234567890123", "passord123", "steinkjer1234", "siv-steinkjer1-x"):
            try:
                validate_password(password, user)
            except ValidationError as error:
                messages += error.messages
    assert "Passordet er for kort. Det må bestå av minst 10 tegn." in messages
    assert "Dette passordet inneholder bare tall." in messages and "Dette passordet er for vanlig." in messages
    assert "Passordet er for likt brukernavn." in messages
    assert "Passordet kan ikke inneholde brukernavnet eller navnet ditt." in messages
    assert not [m for m in messages if "password" in m.lower()], messages


def test_the_password_change_page_shows_the_length_error_in_bokmal(client_for, adviser):
    from tests.conftest import PASSWORD

    page = (
        client_for(adviser)
        .post(
            "/passord/",
            {
                "old_password": PASSWORD,
                "new_password1": "kort-9",
                "new_password2": "kort-9",
            },
        )
        .content.decode()
    )
    assert "Passordet er for kort. Det må bestå av minst 10 tegn." in page
    assert "This password is too short" not in page
