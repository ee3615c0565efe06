"""Issue 12 §13: a reclaim of unused or misused funds — at most what is paid, a letter with the right to appeal,
the repayment followed up; `tilbakebetalt` in the grants report (and the annual report's section) is what is
repaid."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.exports.selectors import grants_report_rows, grants_section
from integrering.grants.models import Reclaim, ReclaimStatus
from integrering.grants.payments.services import payment_approve, payment_attest, payment_create, payment_mark_paid
from integrering.grants.reclaims.services import reclaim_create, reclaim_mark_repaid
from tests.grants.factories import call_make, grant_accepted_make, organisation_make

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture
def caseworkers(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="en"), make_user(Role.GRANT_CASEWORKER, username="to")


@pytest.fixture
def grant(county, make_user):
    applicant = make_user(Role.APPLICANT, username="soker")
    organisation = organisation_make(user=applicant)
    return grant_accepted_make(call=call_make(county=county), organisation=organisation, user=applicant)


def pay(application, caseworkers):
    one, two = caseworkers
    payment = payment_approve(
        payment=payment_attest(payment=payment_create(application=application), user=one), user=two
    )
    return payment_mark_paid(payment=payment, on=datetime.date(2026, 7, 1))


def reclaim(grant, user, amount, **extra):
    values = {"reason": "Ubrukte midler", "due_on": TODAY + datetime.timedelta(days=30), "today": TODAY} | extra
    return reclaim_create(application=grant, amount=amount, user=user, **values)


def test_nothing_can_be_reclaimed_before_anything_is_paid(grant, caseworkers):
    payment_create(application=grant)  # requested, not paid
    with translation.override("nb"), pytest.raises(ApplicationError) as error:
        reclaim(grant, caseworkers[0], 1)
    assert error.value.field == "amount" and "0 kr" in error.value.user_message


def test_reclaims_together_never_exceed_what_is_paid(grant, caseworkers):
    pay(grant, caseworkers)  # 75 000
    with pytest.raises(ApplicationError):
        reclaim(grant, caseworkers[0], 75_001)
    reclaim(grant, caseworkers[0], 50_000)
    with translation.override("nb"), pytest.raises(ApplicationError) as error:
        reclaim(grant, caseworkers[0], 25_001)
    assert "25000 kr" in error.value.user_message
    reclaim(grant, caseworkers[0], 25_000)
    with pytest.raises(ApplicationError):
        reclaim(grant, caseworkers[0], 1)
    assert Reclaim.objects.count() == 2


def test_a_reclaim_needs_a_reason_and_a_day_not_past(grant, caseworkers):
    pay(grant, caseworkers)
    with pytest.raises(ApplicationError) as error:
        reclaim(grant, caseworkers[0], 10_000, reason=" ")
    assert error.value.field == "reason"
    with pytest.raises(ApplicationError) as error:
        reclaim(grant, caseworkers[0], 10_000, due_on=TODAY - datetime.timedelta(days=1))
    assert error.value.field == "due_on"


def test_the_letter_says_what_why_by_when_and_how_to_appeal(grant, caseworkers, django_capture_on_commit_callbacks):
    pay(grant, caseworkers)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reclaim(grant, caseworkers[0], 20_000, reason="Kurset ble avlyst.")
    (letter,) = mail.outbox
    assert letter.to == ["post@example.org"] and grant.reference in letter.subject
    for text in ("20\u00a0000 kr", "Kurset ble avlyst.", "01.10.2026", "3 uker", "§§ 28–29"):
        assert text in letter.body, text


def test_only_the_repaid_reclaims_count_as_tilbakebetalt(grant, caseworkers):
    pay(grant, caseworkers)
    first = reclaim(grant, caseworkers[0], 20_000)
    reclaim(grant, caseworkers[0], 5_000)
    rows, sums = grants_report_rows(county=grant.county, year=2026)
    assert rows[0]["tilbakebetalt"] == 0
    repaid = reclaim_mark_repaid(reclaim=first, on=datetime.date(2026, 9, 20))
    assert (repaid.status, repaid.repaid_on) == (ReclaimStatus.REPAID, datetime.date(2026, 9, 20))
    with pytest.raises(ApplicationError):
        reclaim_mark_repaid(reclaim=first, on=datetime.date(2026, 9, 21))
    rows, sums = grants_report_rows(county=grant.county, year=2026)
    assert rows[0]["tilbakebetalt"] == 20_000 and sums["tilbakebetalt"] == 20_000
    assert grants_section(county=grant.county, year=2026)["sum"]["tilbakebetalt"] == 20_000


def test_the_caseworker_registers_a_reclaim_and_its_repayment_and_sees_the_open_ones(grant, caseworkers, client_for):
    pay(grant, caseworkers)
    client = client_for(caseworkers[0])
    assert client.get(f"/tilskudd/ordninger/soknader/{grant.pk}/tilbakekrav/").status_code == 200
    response = client.post(
        f"/tilskudd/ordninger/soknader/{grant.pk}/tilbakekrav/",
        {"amount": "99999999", "reason": "For mye", "due_on": "2999-01-01"},
    )
    assert response.status_code == 400 and "høyst det som er utbetalt" in response.content.decode()
    response = client.post(
        f"/tilskudd/ordninger/soknader/{grant.pk}/tilbakekrav/",
        {"amount": "10000", "reason": "Ubrukte midler", "due_on": "2999-01-01"},
    )
    assert response.status_code == 302
    reclaim = Reclaim.objects.get()
    assert "Ubrukte midler" in client.get(f"/tilskudd/ordninger/soknader/{grant.pk}/").content.decode()
    start = client.get("/").content.decode()
    assert "Åpne tilbakekrav" in start and grant.reference in start
    client.post(f"/tilskudd/ordninger/tilbakekrav/{reclaim.pk}/tilbakebetalt/", {"repaid_on": "2026-09-30"})
    reclaim.refresh_from_db()
    assert reclaim.status == ReclaimStatus.REPAID
    assert grant.reference not in client.get("/").content.decode().split("Åpne tilbakekrav")[1]
