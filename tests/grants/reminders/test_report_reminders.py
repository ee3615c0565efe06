"""Issue 12 §12: `send-reminders` reminds of the final report due in 60 days, in 14 days, today, and 14 days
overdue — each at most once per grant and kind (re-running the same day sends nothing new), only while the final
report has not been sent; dates around month ends (31.01 + months, 29.02)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.timezone import now

from integrering.core.roles import Role
from integrering.grants.models import ReportKind, SentReminder
from integrering.grants.reminders.services import report_reminder_kind
from integrering.grants.reports.services import report_due_on, report_submit
from tests.grants.factories import call_make, grant_accepted_make, organisation_make, scheme_make

D = datetime.date


def run(*args):
    out = io.StringIO()
    with translation.override("nb"):
        call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


def grant(county, applicant, *, ends_on, months=3, code="mentor"):
    """An accepted grant whose project ends ``ends_on``; the scheme wants the report ``months`` after."""
    organisation = applicant.grant_memberships.first()
    organisation = organisation.organisation if organisation else organisation_make(user=applicant)
    call = call_make(county=county, scheme=scheme_make(county=county, code=code, report_due_months=months))
    starts = D(2026, 1, 1)
    return grant_accepted_make(
        call=call, organisation=organisation, user=applicant, ends_on=ends_on, starts_on=starts, decided=D(2026, 6, 1)
    )


@pytest.mark.parametrize(
    "today,kind",
    [
        (D(2026, 12, 1), None),
        (D(2026, 12, 2), "report-60"),  # 31.01.2027 − 60 days
        (D(2027, 1, 16), "report-60"),
        (D(2027, 1, 17), "report-14"),
        (D(2027, 1, 30), "report-14"),
        (D(2027, 1, 31), "report-0"),
        (D(2027, 2, 13), "report-0"),
        (D(2027, 2, 14), "report-overdue-14"),
        (D(2027, 6, 1), "report-overdue-14"),
    ],
)
def test_each_day_is_in_the_window_of_one_reminder(today, kind):
    assert report_reminder_kind(due=D(2027, 1, 31), today=today) == kind


def test_a_leap_day_deadline_counts_back_over_the_end_of_february():
    due = D(2028, 2, 29)  # a project ending 30.11.2027 with 3 months to report
    assert report_reminder_kind(due=due, today=D(2027, 12, 30)) is None
    assert report_reminder_kind(due=due, today=D(2027, 12, 31)) == "report-60"
    assert report_reminder_kind(due=due, today=D(2028, 2, 15)) == "report-14"
    assert report_reminder_kind(due=due, today=D(2028, 2, 29)) == "report-0"
    assert report_reminder_kind(due=due, today=D(2028, 3, 14)) == "report-overdue-14"


def test_the_four_report_reminders_go_once_each(county, applicant, django_capture_on_commit_callbacks):
    # The project ends 31.10.2026; 3 months later is 31.01.2027.
    application = grant(county, applicant, ends_on=D(2026, 10, 31))
    assert report_due_on(application) == D(2027, 1, 31)
    mail.outbox.clear()
    assert run("--today", "2026-12-01").endswith("0 påminnelser sendt\n")
    with django_capture_on_commit_callbacks(execute=True):
        out = run("--today", "2026-12-02")
    assert out == (
        f"{application.reference}: sluttrapporten har frist 31.01.2027 (om 60 dager) → post@example.org\n"
        "1 påminnelse sendt\n"
    )
    assert len(mail.outbox) == 1 and "31.01.2027" in mail.outbox[0].body
    assert run("--today", "2026-12-02").endswith("0 påminnelser sendt\n")  # the same day again: nothing new
    assert run("--today", "2026-12-03").endswith("0 påminnelser sendt\n")  # the 60-day one is sent
    assert "(om 14 dager)" in run("--today", "2027-01-17")
    assert run("--today", "2027-01-18").endswith("0 påminnelser sendt\n")
    assert "(i dag)" in run("--today", "2027-01-31")
    assert run("--today", "2027-02-13").endswith("0 påminnelser sendt\n")
    out = run("--today", "2027-02-14")
    assert "sluttrapporten hadde frist 31.01.2027 (14 dager på overtid)" in out and out.endswith("1 påminnelse sendt\n")
    assert run("--today", "2027-03-01").endswith("0 påminnelser sendt\n")
    assert sorted(SentReminder.objects.values_list("kind", flat=True)) == [
        "report-0",
        "report-14",
        "report-60",
        "report-overdue-14",
    ]


def test_a_missed_day_is_caught_up_with_the_window_it_is_in_not_an_earlier_one(county, applicant):
    application = grant(county, applicant, ends_on=D(2026, 10, 31))
    out = run("--today", "2027-01-20")  # the job did not run on 02.12 nor on 17.01
    assert "(om 14 dager)" in out and out.endswith("1 påminnelse sendt\n")
    assert run("--today", "2027-01-21").endswith("0 påminnelser sendt\n")
    assert list(SentReminder.objects.values_list("key", flat=True)) == [f"report-14:{application.pk}"]


def test_a_dry_run_shows_what_would_be_sent_and_records_nothing(county, applicant):
    grant(county, applicant, ends_on=D(2026, 10, 31))
    mail.outbox.clear()
    out = run("--today", "2026-12-02", "--dry-run")
    assert "(om 60 dager)" in out and out.endswith("1 påminnelse ville blitt sendt\n")
    assert not SentReminder.objects.exists() and not mail.outbox
    assert run("--today", "2026-12-02").endswith("1 påminnelse sendt\n")


def test_a_sent_final_report_stops_the_reminders(county, applicant):
    application = grant(county, applicant, ends_on=D(2026, 10, 31))
    report_submit(
        application=application,
        user=applicant,
        kind=ReportKind.FINAL,
        text="Ferdig",
        now=now(),
        actual=[300_000, 100_000],
        total=400_000,
    )
    assert run("--today", "2027-01-31").endswith("0 påminnelser sendt\n")


def test_a_status_report_does_not_stop_them(county, applicant):
    application = grant(county, applicant, ends_on=D(2026, 10, 31))
    report_submit(application=application, user=applicant, kind=ReportKind.STATUS, text="I gang", now=now())
    assert run("--today", "2027-01-31").endswith("1 påminnelse sendt\n")


def test_month_ends_give_the_last_day_of_a_shorter_month(county, applicant):
    # 31.01.2027 + 1 month = 28.02.2027; 30.11.2027 + 3 months = 29.02.2028 (a leap year).
    short = grant(county, applicant, ends_on=D(2027, 1, 31), months=1, code="kort")
    leap = grant(county, applicant, ends_on=D(2027, 11, 30), months=3, code="skudd")
    assert (report_due_on(short), report_due_on(leap)) == (D(2027, 2, 28), D(2028, 2, 29))
    out = run("--today", "2027-02-28")
    assert f"{short.reference}: sluttrapporten har frist 28.02.2027 (i dag)" in out
    assert leap.reference not in out
    out = run("--today", "2027-12-31")
    assert f"{leap.reference}: sluttrapporten har frist 29.02.2028 (om 60 dager)" in out
    # The job did not run since 28.02: the short grant's overdue reminder is caught up, once.
    assert f"{short.reference}: sluttrapporten hadde frist 28.02.2027 (14 dager på overtid)" in out
    assert out.endswith("2 påminnelser sendt\n")
    assert run("--today", "2027-12-31").endswith("0 påminnelser sendt\n")
