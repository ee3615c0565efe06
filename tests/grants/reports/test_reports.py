"""Issue 12 §11: status reports at any time (no payment request), the final report with accounts (cost plan against
actual per line, totals checked) and the accountant's confirmation from the scheme's threshold; the caseworker
approves or asks for more (an e-mail; the applicant sends it again); the grant closes when the final report is
approved and everything is paid."""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.timezone import now

from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.files.models import StoredFile
from integrering.grants.models import Payment, Report, ReportKind, ReportStatus, Status
from integrering.grants.payments.services import payment_approve, payment_attest, payment_create, payment_mark_paid
from integrering.grants.reports.services import (
    accountant_required,
    months_add,
    report_approve,
    report_due_on,
    report_resubmit,
    report_return,
    report_submit,
)
from integrering.grants.reports.status import (
    REPORT_TRANSITIONS,
    IllegalReportTransition,
    report_transition_check,
)
from tests.grants.factories import application_make, grant_accepted_make, scheme_make

ACCOUNTANT = {"name": "Revisor AS", "orgnr": "974760673", "confirmed": True, "date": datetime.date(2026, 12, 1)}


def statement(content=b"%PDF-1.4 signert", name="revisor.pdf"):
    """The accountant's signed confirmation as an upload (a new one each time: a stored upload has been read)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def final(application, user, actual=(290_000, 100_000), total=390_000, accountant=None, **extra):
    return report_submit(
        application=application,
        user=user,
        kind=ReportKind.FINAL,
        text="Gjennomført",
        now=now(),
        actual=list(actual),
        total=total,
        accountant=accountant,
        **extra,
    )


def test_a_status_report_is_sent_at_any_time_without_a_payment_request(accepted, applicant, caseworkers):
    report = report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="I gang", now=now())
    assert report.status == ReportStatus.SUBMITTED and not Payment.objects.exists()
    report = report_approve(report=report, user=caseworkers[0], now=now())
    assert report.status == ReportStatus.APPROVED
    second = report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="Halvveis", now=now())
    assert second.pk != report.pk
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED  # a status report never closes the grant


def test_the_final_report_keeps_the_plan_against_the_actual_costs(accepted, applicant):
    report = final(accepted, applicant)
    assert report.accounts == [
        {"item": "Lønn", "planned": 300_000, "actual": 290_000},
        {"item": "Kurs", "planned": 100_000, "actual": 100_000},
    ]
    assert (report.planned_total, report.actual_total) == (400_000, 390_000)
    assert report.accountant_name == "" and not report.accountant_confirmed


def test_the_total_must_be_the_sum_of_the_lines(accepted, applicant):
    with translation.override("nb"), pytest.raises(ApplicationError) as error:
        final(accepted, applicant, total=400_000)
    assert error.value.field == "total"
    assert "400000 kr" in error.value.user_message and "390000 kr" in error.value.user_message
    with pytest.raises(ApplicationError):
        final(accepted, applicant, actual=(290_000,), total=290_000)  # a line of the plan left out
    with pytest.raises(ApplicationError):
        final(accepted, applicant, actual=(-1, 100_001), total=100_000)
    assert not Report.objects.exists()


def test_a_report_needs_a_text(accepted, applicant):
    with pytest.raises(ApplicationError) as error:
        report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="  ", now=now())
    assert error.value.field == "text"


def test_there_is_one_final_report(accepted, applicant):
    final(accepted, applicant)
    with pytest.raises(ApplicationError):
        final(accepted, applicant)


def test_reports_are_sent_only_on_an_accepted_grant(call, organisation, applicant):
    submitted = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    with pytest.raises(ApplicationError):
        report_submit(application=submitted, user=applicant, kind=ReportKind.STATUS, text="Tidlig", now=now())


@pytest.mark.parametrize(
    "amount,required",
    [(199_999, False), (200_000, True), (250_000, True)],
)
def test_the_accountants_confirmation_is_required_from_the_schemes_threshold(
    county, applicant, organisation, amount, required
):
    from tests.grants.factories import call_make

    call = call_make(county=county, scheme=scheme_make(county=county, code="terskel", payment_plan=[100]))
    application = grant_accepted_make(
        call=call,
        organisation=organisation,
        user=applicant,
        amount=amount,
        costs=[{"item": "Lønn", "amount": 600_000}],
        financing=[{"source": "Egenandel", "amount": 300_000}],
        amount_applied=300_000,
    )
    assert accountant_required(application) is required
    user = applicant
    if not required:
        report = final(application, user, actual=(600_000,), total=600_000)
        assert not report.accountant_confirmed
        return
    with translation.override("nb"), pytest.raises(ApplicationError) as error:
        final(application, user, actual=(600_000,), total=600_000)
    assert error.value.field == "accountant_name" and "200 000" not in error.value.user_message
    for wrong, field in [
        ({"orgnr": "974760674"}, "accountant_orgnr"),
        ({"confirmed": False}, "accountant_confirmed"),
        ({"date": datetime.date(2999, 1, 1)}, "accountant_date"),
        ({"date": None}, "accountant_date"),
        ({"statement": None}, "accountant_statement"),
        ({"statement": statement(b"MZ not a pdf", "revisor.pdf")}, "accountant_statement"),
    ]:
        with pytest.raises(ApplicationError) as error:
            final(
                application,
                user,
                actual=(600_000,),
                total=600_000,
                accountant=ACCOUNTANT | {"statement": statement()} | wrong,
            )
        assert error.value.field == field
    assert not Report.objects.exists() and not StoredFile.objects.exists()  # nothing half-written
    report = final(
        application, user, actual=(600_000,), total=600_000, accountant=ACCOUNTANT | {"statement": statement()}
    )
    assert (report.accountant_name, report.accountant_orgnr, report.accountant_confirmed) == (
        "Revisor AS",
        "974760673",
        True,
    )
    assert report.accountant_date == datetime.date(2026, 12, 1)
    stored = report.accountant_statement
    assert (stored.original_name, stored.content_type, stored.owner_id) == (
        "revisor.pdf",
        "application/pdf",
        application.pk,
    )


ALL = list(ReportStatus)


@pytest.mark.parametrize("current", ALL)
@pytest.mark.parametrize("target", ALL)
def test_every_report_transition_outside_the_table_is_refused_in_norwegian(current, target):
    if target in REPORT_TRANSITIONS[current]:
        report_transition_check(current, target)
        return
    with translation.override("nb"), pytest.raises(IllegalReportTransition) as error:
        report_transition_check(current, target)
    assert error.value.user_message == f"En rapport kan ikke gå fra «{current.label}» til «{target.label}»."


def test_the_services_refuse_illegal_moves(accepted, applicant, caseworkers):
    report = report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="I gang", now=now())
    with pytest.raises(IllegalReportTransition):
        report_resubmit(report=report, user=applicant, version=report.version, text="Igjen", now=now())
    report = report_approve(report=report, user=caseworkers[0], now=now())
    with translation.override("nb"), pytest.raises(IllegalReportTransition, match="fra «Godkjent» til «Mangler"):
        report_return(report=report, user=caseworkers[0], message="Mer", now=now())
    with pytest.raises(IllegalReportTransition):
        report_approve(report=report, user=caseworkers[0], now=now())


def test_asking_for_more_emails_the_organisation_and_the_applicant_sends_it_again(
    accepted, applicant, caseworkers, django_capture_on_commit_callbacks
):
    report = final(accepted, applicant)
    with pytest.raises(ApplicationError):
        report_return(report=report, user=caseworkers[0], message=" ", now=now())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = report_return(report=report, user=caseworkers[0], message="Legg ved timelister.", now=now())
    assert report.status == ReportStatus.RETURNED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["post@example.org"]
    assert "Legg ved timelister." in mail.outbox[0].body and accepted.reference in mail.outbox[0].subject
    with pytest.raises(ConcurrentEdit):
        report_resubmit(
            report=report,
            user=applicant,
            version=report.version - 1,
            text="Gammel",
            now=now(),
            actual=[300_000, 90_000],
            total=390_000,
        )
    report = report_resubmit(
        report=report,
        user=applicant,
        version=report.version,
        text="Med timelister",
        now=now(),
        actual=[300_000, 90_000],
        total=390_000,
    )
    assert (report.status, report.text, report.actual_total) == (ReportStatus.SUBMITTED, "Med timelister", 390_000)
    assert report_approve(report=report, user=caseworkers[1], now=now()).status == ReportStatus.APPROVED


def _pay(application, caseworkers):
    one, two = caseworkers
    payment = payment_approve(
        payment=payment_attest(payment=payment_create(application=application), user=one), user=two
    )
    return payment_mark_paid(payment=payment, on=datetime.date(2027, 1, 10))


def test_the_grant_closes_when_the_final_report_is_approved_and_everything_is_paid(accepted, applicant, caseworkers):
    _pay(accepted, caseworkers)  # 75 %
    report = report_approve(report=final(accepted, applicant), user=caseworkers[0], now=now())
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED  # 25 % is not paid yet
    _pay(accepted, caseworkers)  # the last 25 %, allowed now that the report is approved
    accepted.refresh_from_db()
    assert accepted.status == Status.CLOSED and report.status == ReportStatus.APPROVED
    with pytest.raises(ApplicationError):
        report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="Etterpå", now=now())


def test_a_grant_paid_at_once_closes_when_its_final_report_is_approved(county, applicant, organisation, caseworkers):
    from tests.grants.factories import call_make

    call = call_make(county=county, scheme=scheme_make(county=county, code="alt", payment_plan=[100]))
    application = grant_accepted_make(call=call, organisation=organisation, user=applicant)
    _pay(application, caseworkers)
    report = final(application, applicant)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    report_approve(report=report, user=caseworkers[0], now=now())
    application.refresh_from_db()
    assert application.status == Status.CLOSED


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 8, 31), 3, datetime.date(2026, 11, 30)),
        (datetime.date(2026, 12, 31), 2, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 10, 15), 0, datetime.date(2026, 10, 15)),
        (datetime.date(2027, 1, 31), -3, datetime.date(2026, 10, 31)),
    ],
)
def test_months_are_added_to_the_last_day_a_month_has(day, months, expected):
    assert months_add(day, months) == expected


def test_the_final_report_is_due_the_schemes_months_after_the_project_ends(accepted):
    assert accepted.ends_on == datetime.date(2026, 12, 31)
    assert report_due_on(accepted) == datetime.date(2027, 3, 31)
    accepted.ends_on = datetime.date(2026, 11, 30)
    assert report_due_on(accepted) == datetime.date(2027, 2, 28)
