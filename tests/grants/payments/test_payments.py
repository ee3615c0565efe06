"""Issue 12 §10: instalments by the plan; attested by one caseworker and approved by another (never the same);
never more than granted; the export of approved payments for the finance system; paid shows in the report."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils.timezone import now

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.assessment.services import screening_complete
from integrering.grants.decisions.services import decisions_make, recommendation_set
from integrering.grants.exports.selectors import grants_report_rows
from integrering.grants.models import Payment, PaymentStatus
from integrering.grants.payments.services import payment_approve, payment_attest, payment_create, payment_mark_paid
from integrering.grants.reminders.services import application_accept
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def accepted(county, make_user):
    applicant = make_user(Role.APPLICANT, username="soker")
    organisation = organisation_make(user=applicant)
    call = call_make(county=county)
    application = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    application = recommendation_set(
        application=screening_complete(application=application), recommendation="grant", amount=100_000
    )
    decisions_make(call=call, application_ids=[application.pk], today=datetime.date(2026, 6, 1))
    application.refresh_from_db()
    return application_accept(application=application, today=datetime.date(2026, 6, 2))


@pytest.fixture
def caseworkers(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="en"), make_user(Role.GRANT_CASEWORKER, username="to")


def test_instalments_follow_the_plan_and_never_exceed_the_grant(accepted):
    from integrering.grants.models import Report, ReportKind, ReportStatus

    first = payment_create(application=accepted)
    with pytest.raises(ApplicationError, match="siste avdraget|last instalment"):
        payment_create(application=accepted)  # 75 % + 25 %: the last after the final report is approved
    Report.objects.create(
        application=accepted, kind=ReportKind.FINAL, status=ReportStatus.APPROVED, text="Ferdig", submitted_at=now()
    )
    second = payment_create(application=accepted)
    assert (first.amount, second.amount) == (75_000, 25_000)
    with pytest.raises(ApplicationError):
        payment_create(application=accepted, amount=1)


def test_the_one_who_attests_cannot_approve(accepted, caseworkers):
    one, two = caseworkers
    payment = payment_attest(payment=payment_create(application=accepted), user=one)
    with pytest.raises(ApplicationError, match="attest"):
        payment_approve(payment=payment, user=one)
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(approved_by=one)
    payment = payment_approve(payment=payment, user=two)
    assert payment.status == PaymentStatus.APPROVED


def test_approved_payments_are_exported_and_paid_shows_in_the_report(accepted, caseworkers, client_for):
    one, two = caseworkers
    payment = payment_approve(payment=payment_attest(payment=payment_create(application=accepted), user=one), user=two)
    text = client_for(one).get("/tilskudd/utbetalinger.csv").content.decode("utf-8-sig")
    assert text.splitlines() == ["orgnr;kontonr;belop;referanse", f"974760673;86011117947;75000;{accepted.reference}"]
    payment_mark_paid(payment=payment, on=datetime.date(2026, 6, 10))
    assert client_for(one).get("/tilskudd/utbetalinger.csv").content.decode("utf-8-sig").splitlines() == [
        "orgnr;kontonr;belop;referanse"
    ]
    rows, sums = grants_report_rows(county=accepted.county, year=2026)
    assert rows[0]["utbetalt"] == 75_000 and sums["utbetalt"] == 75_000


def test_the_caseworker_works_the_payment_on_the_application_page(accepted, caseworkers, client_for):
    one, two = caseworkers
    base = f"/tilskudd/ordninger/soknader/{accepted.pk}/utbetaling/"
    client_for(one).post(base, {"handling": "ny"})
    payment = Payment.objects.get()
    client_for(one).post(base, {"handling": "attester", "betaling": payment.pk})
    response = client_for(one).post(base, {"handling": "godkjenn", "betaling": payment.pk}, follow=True)
    assert "Den som attesterte" in response.content.decode()
    client_for(two).post(base, {"handling": "godkjenn", "betaling": payment.pk})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.APPROVED
