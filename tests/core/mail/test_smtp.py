"""Sending through Django's SMTP backend to a real SMTP server on 127.0.0.1 (aiosmtpd)."""

import logging
import re

import pytest
from django.db import transaction
from django.utils import timezone

from integrering.core.mail.errors import MailNotSent
from integrering.core.mail.models import SentEmail
from integrering.core.mail.services import mail_send
from tests.core.mail.conftest import SMTP_PASSWORD, SMTP_USER, free_port, point_django_at

pytestmark = [
    pytest.mark.django_db,
    # The test server asks for a password over plain SMTP on 127.0.0.1, which aiosmtpd rightly warns about.
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning"),
]

CONTEXT = {"requested_by": "Ærlige Åse Øvrebø", "requested_at": timezone.now()}


def send(**overrides):
    return mail_send(**{"to": "mottaker@example.org", "template": "test", "context": CONTEXT} | overrides)


def test_the_server_receives_one_multipart_message_with_a_text_and_an_html_part(smtp):
    send()
    [received] = smtp.received
    message = received.message
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    assert all(part.get_content_charset() == "utf-8" for part in message.iter_parts())


def test_subject_sender_and_recipient_are_in_the_headers_and_the_envelope(smtp, settings):
    settings.DEFAULT_FROM_EMAIL = "Trøndelag fylkeskommune <integrering@trondelag.example.no>"
    send()
    [received] = smtp.received
    message = received.message
    assert message["Subject"] == "Prøve-e-post fra Integrering"
    assert message["From"].addresses[0].display_name == "Trøndelag fylkeskommune"
    assert message["From"].addresses[0].addr_spec == "integrering@trondelag.example.no"
    assert message["To"] == "mottaker@example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    assert received.mail_from == "integrering@trondelag.example.no"
    assert received.rcpt_tos == ["mottaker@example.org"]


def test_norwegian_letters_are_encoded_in_the_headers_and_decoded_intact(smtp, settings):
    settings.DEFAULT_FROM_EMAIL = "Trøndelag fylkeskommune <integrering@trondelag.example.no>"
    send()
    [received] = smtp.received
    headers = received.raw.split(b"\r\n\r\n", 1)[0]
    # No raw 8-bit bytes in the headers: the subject and the sender's name travel as RFC 2047 encoded words.
    assert all(byte < 128 for byte in headers)
    assert re.search(rb"^Subject: =\?utf-8\?", headers, re.MULTILINE | re.IGNORECASE)
    text, html = (part.get_content() for part in received.message.iter_parts())
    for body in (text, html):
        assert "Ærlige Åse Øvrebø" in body
        assert "være i orden" in body
    assert "Prøve-e-post" in html


def test_the_html_part_is_a_whole_page_with_no_external_resources(smtp):
    send()
    html = smtp.received[0].message.get_body(preferencelist=("html",)).get_content()
    assert html.lstrip().startswith("<!DOCTYPE html>") and '<html lang="nb">' in html
    assert "<title>Prøve-e-post fra Integrering</title>" in html
    assert not re.search(r"\b(src|href)=|url\(|https?://|<link|<script", html)


def test_the_record_says_sent_with_the_message_id_the_server_received(smtp):
    record = send()
    record.refresh_from_db()
    assert record.status == SentEmail.Status.SENT and record.sent_at is not None
    assert record.failure == "" and record.error == ""
    assert record.to == "mottaker@example.org" and record.subject == "Prøve-e-post fra Integrering"
    assert smtp.received[0].message["Message-ID"] == record.message_id


def test_a_server_that_requires_a_password_gets_it_and_accepts_the_message(settings, smtp_server_with_password):
    point_django_at(
        settings, smtp_server_with_password.port, EMAIL_HOST_USER=SMTP_USER, EMAIL_HOST_PASSWORD=SMTP_PASSWORD
    )
    record = send()
    assert record.status == SentEmail.Status.SENT
    assert smtp_server_with_password.handler.logins == [SMTP_USER]
    assert len(smtp_server_with_password.received) == 1


@pytest.mark.parametrize("password", ["feil-passord", ""], ids=["wrong password", "no login"])
def test_a_refused_login_is_recorded_as_failed_with_the_reason(settings, smtp_server_with_password, password):
    credentials = {"EMAIL_HOST_USER": SMTP_USER, "EMAIL_HOST_PASSWORD": password} if password else {}
    point_django_at(settings, smtp_server_with_password.port, **credentials)
    with pytest.raises(MailNotSent) as raised:
        send()
    record = SentEmail.objects.get()
    assert record.status == SentEmail.Status.FAILED and record.sent_at is None
    assert record.failure == SentEmail.Failure.AUTHENTICATION, record.error
    assert record.error.startswith(("535", "530"))
    assert raised.value.message == "E-posten ble ikke sendt: E-posttjeneren godtok ikke brukernavnet eller passordet."
    assert raised.value.sent_email == record
    assert not smtp_server_with_password.received


def test_a_refused_recipient_is_recorded_as_failed_and_the_caller_gets_a_clean_error(smtp):
    smtp.handler.refused.add("finnes.ikke@example.org")
    with pytest.raises(MailNotSent) as raised:
        send(to="finnes.ikke@example.org")
    record = SentEmail.objects.get()
    assert (record.status, record.failure) == (SentEmail.Status.FAILED, SentEmail.Failure.RECIPIENT_REFUSED)
    assert record.error == "550 5.1.1 Mailbox unavailable"
    assert raised.value.message == "E-posten ble ikke sendt: E-posttjeneren avviste mottakeren."
    assert not smtp.received


def test_a_server_that_is_down_is_recorded_as_failed_and_the_caller_gets_a_clean_error(settings):
    point_django_at(settings, free_port())
    with pytest.raises(MailNotSent) as raised:
        send()
    record = SentEmail.objects.get()
    assert (record.status, record.failure) == (SentEmail.Status.FAILED, SentEmail.Failure.CONNECTION)
    assert "Connection refused" in record.error
    assert raised.value.message == "E-posten ble ikke sendt: Fikk ikke kontakt med e-posttjeneren."
    assert "Traceback" not in raised.value.message and "mottaker@" not in raised.value.message


def test_starttls_against_a_server_without_it_is_a_tls_failure(settings, smtp_server):
    point_django_at(settings, smtp_server.port, EMAIL_USE_TLS=True)
    with pytest.raises(MailNotSent):
        send()
    assert SentEmail.objects.get().failure == SentEmail.Failure.TLS
    assert not smtp_server.received


def test_inside_a_transaction_the_message_goes_out_only_after_the_commit(smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        record = send()
        assert record.status == SentEmail.Status.PENDING
        assert SentEmail.objects.filter(pk=record.pk).exists()
        assert not smtp.received
    assert len(smtp.received) == 1
    record.refresh_from_db()
    assert record.status == SentEmail.Status.SENT


def test_a_rolled_back_transaction_sends_nothing_and_records_nothing(smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        send()
        raise RuntimeError("the caller's work failed")
    assert not smtp.received
    assert not SentEmail.objects.exists()


def test_a_failure_after_the_commit_is_recorded_not_raised_into_the_committed_caller(
    settings, django_capture_on_commit_callbacks
):
    point_django_at(settings, free_port())
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        record = send()
    record.refresh_from_db()
    assert (record.status, record.failure) == (SentEmail.Status.FAILED, SentEmail.Failure.CONNECTION)


def test_log_lines_name_the_record_and_template_but_never_the_recipient_or_subject(smtp, settings, caplog):
    caplog.set_level(logging.INFO, logger="integrering.mail")
    send()
    smtp.handler.refused.add("avvist@example.org")
    with pytest.raises(MailNotSent):
        send(to="avvist@example.org")
    lines = [record.getMessage() for record in caplog.records if record.name == "integrering.mail"]
    assert len(lines) == 2 and all("test" in line for line in lines)
    assert not [line for line in lines if "@" in line or "Prøve" in line or "Åse" in line]
