"""Every visible string has a bokmål translation, and the catalogues are up to date with the code."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

SRC = Path(__file__).resolve().parents[2] / "src" / "integrering"
APP_CATALOGUES = ["settlement", "guidance"]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Copy the source, run makemessages as `make messages` does, and return the regenerated .po files."""
    copy = tmp_path_factory.mktemp("i18n") / "integrering"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "data"))
    cwd = os.getcwd()
    try:
        os.chdir(copy)
        call_command("makemessages", locale=["nb"], no_location=True, verbosity=0,
                     ignore_patterns=["settlement/*", "guidance/*", "allocation/*", "legal/*"])
        for app in APP_CATALOGUES:
            if (copy / app / "locale").exists():
                os.chdir(copy / app)
                call_command("makemessages", locale=["nb"], no_location=True, verbosity=0)
    finally:
        os.chdir(cwd)
    return sorted(copy.glob("**/locale/nb/LC_MESSAGES/django.po"))


def test_the_project_catalogue_exists(regenerated):
    assert any(p.parts[-5] == "integrering" for p in regenerated)


def test_every_source_string_has_a_bokmal_translation(regenerated):
    untranslated = []
    for path in regenerated:
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if not entry.translated() or "fuzzy" in entry.flags:
                untranslated.append(f"{path.parent.parent.parent.parent.name}: {entry.msgid!r}")
    assert not untranslated, "Strings without a bokmål translation:\n" + "\n".join(untranslated)


def test_pages_are_shown_in_bokmal(client):
    page = client.get("/logg-inn/").content.decode()
    assert '<html lang="nb"' in page
    assert "Logg inn" in page and "Brukernavn" in page
