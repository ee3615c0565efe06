"""Issue 12, tests: e-mail through a real local SMTP server (aiosmtpd on a free port, Django's SMTP backend pointed at
it) — the receipt on submit and the decision letters arrive with the right recipients and subjects, in Norwegian."""

import datetime

import pytest
from django.utils import timezone

from integrering.core.mail.models import SentEmail
from integrering.core.roles import Role
from integrering.grants.applications.services import application_submit
from integrering.grants.assessment.services import screening_complete
from integrering.grants.decisions.services import decisions_make, recommendation_set
from integrering.grants.models import DecisionLetter
from tests.core.mail.conftest import point_django_at, smtp_server  # noqa: F401 — the SMTP server fixture
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def smtp(settings, smtp_server):  # noqa: F811 — the fixture imported above
    point_django_at(settings, smtp_server.port)
    settings.DEFAULT_FROM_EMAIL = "tilskudd@fylke.example.org"
    return smtp_server


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="siri")


def _text(received) -> str:
    return received.message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_the_receipt_and_the_decision_letters_arrive_through_smtp_in_norwegian(
    smtp, county, applicant, django_capture_on_commit_callbacks
):
    organisation = organisation_make(user=applicant, email="post@frivillig.example.org")
    call = call_make(county=county)
    application = application_make(call=call, organisation=organisation, user=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(application=application, user=applicant, now=timezone.now())
    receipts = sorted(smtp.received, key=lambda r: r.rcpt_tos)
    assert [r.rcpt_tos for r in receipts] == [["post@frivillig.example.org"], ["siri@example.org"]]
    for received in receipts:
        assert received.mail_from == "tilskudd@fylke.example.org"
        assert received.message["Subject"] == f"Kvittering for søknaden {application.reference}"
        assert "Vi har mottatt søknaden fra Frivilligsentralen" in _text(received)

    smtp.received.clear()
    granted = recommendation_set(
        application=screening_complete(application=application), recommendation="grant", amount=150_000
    )
    rejected = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    rejected = recommendation_set(
        application=screening_complete(application=rejected), recommendation="reject", codes=["P1"]
    )
    smtp.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions_make(call=call, application_ids=[granted.pk, rejected.pk], today=datetime.date(2026, 6, 1))
    by_subject = {r.message["Subject"]: r for r in smtp.received}
    assert set(by_subject) == {
        f"Vedtak om søknaden {granted.reference}",
        f"Vedtak om søknaden {rejected.reference}",
    }
    for application in (granted, rejected):
        received = by_subject[f"Vedtak om søknaden {application.reference}"]
        assert received.rcpt_tos == ["post@frivillig.example.org"]
        text = _text(received)
        assert "Du kan klage innen 3 uker" in text and "§§ 28–29" in text
        # The e-mail is the letter that was frozen (and that the PDF shows).
        assert DecisionLetter.objects.get(application=application).plain_text in text
    assert "Tilskudd fra Mentor scheme" in _text(by_subject[f"Vedtak om søknaden {granted.reference}"])
    assert "P1: Low priority" in _text(by_subject[f"Vedtak om søknaden {rejected.reference}"])
    letters = SentEmail.objects.filter(template__in=["grants_grant_letter", "grants_rejection_letter"])
    assert list(letters.values_list("status", flat=True)) == [SentEmail.Status.SENT] * 2
