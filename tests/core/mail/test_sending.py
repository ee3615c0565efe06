"""mail_send with the in-memory backend: rendering, the record, addresses, languages and transactions."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.utils import timezone, translation

from integrering.core.mail.errors import MailAddressInvalid, MailNotSent
from integrering.core.mail.models import SentEmail
from integrering.core.mail.rendering import mail_render
from integrering.core.mail.selectors import sent_emails_for
from integrering.core.mail.services import mail_send
from integrering.core.models import User

pytestmark = pytest.mark.django_db

GREETING = {
    "subject.txt": "{% load i18n %}{% translate 'Sent e-mail' %}: {{ name }}\n",
    "body.txt": '{% extends "mail/layout.txt" %}{% block body %}Hei {{ name }}, {{ firm }}.{% endblock %}',
    "body.html": '{% extends "mail/layout.html" %}{% block body %}<p>Hei {{ name }}, {{ firm }}.</p>{% endblock %}',
}


@pytest.fixture
def greeting(settings, tmp_path):
    """A template ``mail/greeting/`` of the kind another app adds, in a template directory of its own."""
    folder = tmp_path / "mail" / "greeting"
    folder.mkdir(parents=True)
    for name, text in GREETING.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    return "greeting"


def send(**overrides):
    context = {"requested_by": "Åse", "requested_at": timezone.now()}
    return mail_send(**{"to": "ase@example.org", "template": "test", "context": context} | overrides)


def test_one_message_with_a_text_and_an_html_part_goes_to_the_one_recipient(county):
    send(county=county)
    [message] = mail.outbox
    assert message.to == ["ase@example.org"] and not message.cc and not message.bcc
    assert message.subject == "Prøve-e-post fra Integrering"
    assert "bestilt av Åse" in message.body
    [(html, kind)] = message.alternatives
    assert kind == "text/html" and "bestilt av Åse" in html and "Trøndelag" in html


def test_the_record_keeps_who_what_when_and_which_record_but_not_the_body(county, county_admin):
    record = send(county=county, related=county_admin)
    record.refresh_from_db()
    assert (record.to, record.template, record.language) == ("ase@example.org", "test", "nb")
    assert record.subject == "Prøve-e-post fra Integrering"
    assert record.context_keys == ["requested_at", "requested_by"]
    assert record.county == county and record.related == county_admin
    assert record.status == SentEmail.Status.SENT and record.sent_at is not None
    stored = " ".join(str(value) for value in SentEmail.objects.filter(pk=record.pk).values().get().values())
    assert "Åse" not in stored and "bestilt" not in stored


def test_values_are_escaped_in_the_html_part_and_left_as_they_are_in_the_text(greeting):
    send(template=greeting, context={"name": "Ås & <Co>", "firm": "Ørland\nkommune"})
    [message] = mail.outbox
    assert "Hei Ås & <Co>, Ørland\nkommune." in message.body
    assert "Hei Ås &amp; &lt;Co&gt;, Ørland\nkommune." in message.alternatives[0][0]


def test_a_line_break_in_a_value_cannot_add_a_header_to_the_subject(greeting):
    record = send(template=greeting, context={"name": "Ola\nBcc: alle@example.org", "firm": ""})
    assert record.subject == "Sendt e-post: Ola Bcc: alle@example.org"
    assert mail.outbox[0].subject == record.subject
    assert mail.outbox[0].message()["Bcc"] is None


def test_the_subject_is_the_title_of_the_html_part(greeting):
    send(template=greeting, context={"name": "Per", "firm": "AS"})
    assert "<title>Sendt e-post: Per</title>" in mail.outbox[0].alternatives[0][0]


def test_the_given_language_is_active_while_rendering_and_the_callers_language_is_kept(settings, greeting):
    settings.LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
    with translation.override("nb"):
        record = send(template=greeting, context={"name": "Per", "firm": "AS"}, language="en")
        assert translation.get_language() == "nb"
    assert record.subject == "Sent e-mail: Per" and record.language == "en"
    assert '<html lang="en">' in mail.outbox[0].alternatives[0][0]


def test_without_a_language_the_message_is_in_the_application_language():
    with translation.override("en"):
        record = send()
    assert record.language == "nb" and record.subject == "Prøve-e-post fra Integrering"


def test_a_language_the_application_does_not_have_is_refused_before_anything_is_written():
    with pytest.raises(ValueError, match="language"):
        send(language="fr")
    assert not SentEmail.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "address",
    ["", "ola", "ola@", "a@b.no, c@d.no", "Ola <ola@example.org>", "ola@example.org\nBcc: x@example.org"],
)
def test_anything_but_one_address_is_refused_before_anything_is_written(address):
    with pytest.raises(MailAddressInvalid) as raised:
        send(to=address)
    assert raised.value.field == "to" and "er ikke en e-postadresse" in raised.value.message
    assert not SentEmail.objects.exists() and not mail.outbox


@pytest.mark.parametrize("name", ["../core/audit", "/etc/test", "Test", "test/", "test/../test"])
def test_a_template_name_that_could_leave_the_mail_folder_is_refused(name):
    with pytest.raises(ValueError, match="template"):
        send(template=name)
    assert not SentEmail.objects.exists()


def test_a_missing_template_is_an_error_before_anything_is_written():
    with pytest.raises(TemplateDoesNotExist):
        send(template="finnes_ikke")
    assert not SentEmail.objects.exists() and not mail.outbox


def test_the_concerned_record_must_be_saved():
    with pytest.raises(ValueError, match="saved"):
        send(related=User(username="ulagret"))
    assert not SentEmail.objects.exists()


def test_an_installation_without_a_mail_server_records_the_message_as_not_sent(settings, county):
    settings.EMAIL_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"
    with pytest.raises(MailNotSent) as raised:
        send(county=county)
    record = SentEmail.objects.get()
    assert (record.status, record.failure) == (SentEmail.Status.FAILED, SentEmail.Failure.NOT_CONFIGURED)
    assert raised.value.message == "E-posten ble ikke sendt: E-post er ikke satt opp på denne installasjonen."


def test_inside_a_transaction_nothing_is_sent_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        record = send()
        assert record.status == SentEmail.Status.PENDING and not mail.outbox
    assert len(callbacks) == 1 and len(mail.outbox) == 1
    assert record.status == SentEmail.Status.SENT


def test_the_database_refuses_a_record_whose_status_contradicts_its_fields():
    base = {"to": "a@example.org", "subject": "s", "template": "test", "language": "nb"}
    for fields in (
        {"status": "sent"},
        {"status": "failed"},
        {"status": "pending", "error": "x"},
        {"status": "sendt"},
        {"status": "pending", "object_id": 1},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            SentEmail.objects.create(**base, **fields)


def test_the_messages_about_a_record_are_those_of_the_users_county_about_that_record(
    county, other_county, county_admin, adviser, make_user
):
    ours = send(county=county, related=adviser)
    send(county=county, related=county_admin)
    send(county=other_county, related=adviser)
    send(county=county)
    assert list(sent_emails_for(adviser, user=county_admin)) == [ours]
    stranger = make_user(username="annet_fylke", county_obj=other_county)
    assert len(sent_emails_for(adviser, user=stranger)) == 1


def test_rendering_alone_writes_and_sends_nothing():
    rendered = mail_render(template="test", context={"requested_by": "Per", "requested_at": None}, language="nb")
    assert rendered.subject == "Prøve-e-post fra Integrering" and rendered.text.endswith("\n")
    assert not SentEmail.objects.exists() and not mail.outbox
