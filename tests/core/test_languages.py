"""Bokmål and nynorsk: the user's saved choice, the switch in the header, the browser's Accept-Language, and the
letters in the language asked for. (The catalogues' completeness: tests/core/test_catalogues.py.)"""

import pytest
from django.conf import settings
from django.utils import translation

from integrering.core.middleware import browser_language
from integrering.core.models import User


@pytest.mark.parametrize(
    "header,expected",
    [
        ("nn-NO,nn;q=0.9,en;q=0.5", "nn"),
        ("nn", "nn"),
        ("nb-NO,nb;q=0.9", "nb"),
        ("no", "nb"),
        ("no-NO,nn;q=0.8", "nb"),
        ("en-GB,en;q=0.9,nn;q=0.5", "nn"),
        ("en-GB,en;q=0.9", None),
        ("", None),
        ("sv-SE,nb;q=0.1", "nb"),
        ("*;q=0.1,\x00garbage", None),
    ],
)
def test_the_browser_language_is_the_first_norwegian_form_it_asks_for(header, expected):
    assert browser_language(header) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header,lang,text",
    [("nn-NO,nn;q=0.9", "nn", "Brukarnamn"), ("no", "nb", "Brukernavn"), ("en", "nb", "Brukernavn"), ("", "nb", "")],
)
def test_anonymous_pages_follow_accept_language(client, header, lang, text):
    response = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE=header)
    page = response.content.decode()
    assert f'<html lang="{lang}"' in page
    assert text in page
    assert response["Content-Language"] == lang


@pytest.mark.django_db
def test_the_switch_overrides_the_browser_for_anonymous_users_by_cookie(client):
    response = client.post("/sprak/", {"language": "nn", "next": "/logg-inn/"}, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 302 and response.url == "/logg-inn/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    page = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert '<html lang="nn"' in page and "Brukarnamn" in page
    client.post("/sprak/", {"language": "nb", "next": "/logg-inn/"})
    page = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="nn").content.decode()
    assert '<html lang="nb"' in page and "Brukernavn" in page


@pytest.mark.django_db
def test_the_header_offers_the_other_written_form(client):
    page = client.get("/logg-inn/").content.decode()
    assert (
        'action="/sprak/"' in page and 'name="language" value="nn"' in page and '<span lang="nn">Nynorsk</span>' in page
    )
    page = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="nn").content.decode()
    assert 'name="language" value="nb"' in page and '<span lang="nb">Bokmål</span>' in page


def test_a_logged_in_users_choice_is_saved_and_wins_over_the_browser_and_the_cookie(client_for, adviser):
    client = client_for(adviser)
    version = adviser.version
    response = client.post("/sprak/", {"language": "nn", "next": "/"})
    assert response.status_code == 302
    adviser.refresh_from_db()
    assert adviser.language == "nn"
    assert adviser.version == version  # the user's own choice does not make an administrator's open form stale
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    page = client.get("/passord/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert '<html lang="nn"' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    page = client.get("/passord/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert '<html lang="nn"' in page


def test_a_user_without_a_choice_follows_the_browser(client_for, adviser):
    assert adviser.language == ""
    page = client_for(adviser).get("/passord/", HTTP_ACCEPT_LANGUAGE="nn").content.decode()
    assert '<html lang="nn"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"language": "sv", "next": "/"},
        {"language": "", "next": "/"},
        {"language": "nn", "next": "https://evil.example/"},
        {"language": "nn\x00", "next": "//evil.example/"},
    ],
)
def test_the_switch_refuses_unknown_languages_and_foreign_redirects(client, data):
    response = client.post("/sprak/", data)
    assert response.status_code in (302, 204)
    assert "evil.example" not in response.get("Location", "")
    if data["language"] not in ("nn",):
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_the_switch_only_takes_post(client):
    assert client.get("/sprak/?language=nn").status_code == 405


def test_a_unknown_language_on_a_logged_in_user_is_not_saved(client_for, adviser):
    client_for(adviser).post("/sprak/", {"language": "de", "next": "/"})
    adviser.refresh_from_db()
    assert adviser.language == ""


def test_djangos_own_strings_are_in_nynorsk():
    from django import forms
    from django.core.exceptions import ValidationError

    for language, expected in (("nb", "Oppgi et heltall."), ("nn", "Oppgje eit heiltal.")):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                forms.IntegerField().clean("x")
            assert error.value.messages == [expected]  # lazy: read while the language is active


def test_the_sami_and_kven_names_show_in_both_languages(client_for, adviser):
    from integrering.municipalities.models import Municipality

    municipality = Municipality.objects.filter(county__number="50").exclude(other_names="").first()
    assert municipality is not None, "the reference data has Sami names in Trøndelag"
    client = client_for(adviser)
    for language, label in (("nb", "Samiske og kvenske navn"), ("nn", "Samiske og kvenske namn")):
        User.objects.filter(pk=adviser.pk).update(language=language)
        page = client.get(f"/kommuner/{municipality.number}/").content.decode()
        assert municipality.other_names in page
        assert label in page


def test_an_email_to_a_user_who_chose_nynorsk_is_in_nynorsk(adviser):
    from django.core import mail
    from django.utils import timezone

    from integrering.core.mail.services import mail_send

    context = {"requested_by": "Åse", "requested_at": timezone.now()}
    mail_send(to=adviser.email, template="test", context=context)
    User.objects.filter(pk=adviser.pk).update(language="nn")
    mail_send(to=adviser.email.upper(), template="test", context=context)
    mail_send(to=adviser.email, template="test", context=context, language="nb")  # the caller's choice wins
    assert [m.subject for m in mail.outbox] == [
        "Prøve-e-post fra Integrering",
        "Prøve-e-post frå Integrering",
        "Prøve-e-post fra Integrering",
    ]
    assert "Dette er ei prøvemelding frå Integrering" in mail.outbox[1].body


def test_the_letter_to_imdi_can_be_asked_for_in_nynorsk(rf, adviser):
    from integrering.core.languages import letter_language

    with translation.override("nb"):
        assert letter_language(rf.get("/x/", {"sprak": "nn"})) == "nn"
        assert letter_language(rf.get("/x/", {"sprak": "sv"})) == "nb"
        assert letter_language(rf.get("/x/")) == "nb"
    with translation.override("nn"):
        assert letter_language(rf.get("/x/")) == "nn"
