"""Issue 12 §9 and §12: acceptance within the deadline, lapse after it (the money returns to the budget), and
`send-reminders` sending each due reminder once (idempotent; dates around month ends)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.assessment.services import screening_complete
from integrering.grants.decisions.services import call_granted_sum, decisions_make, recommendation_set
from integrering.grants.models import SentReminder, Status
from integrering.grants.reminders.services import application_accept
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def granted(county, make_user):
    """A grant decided 10.01.2026 with 21 days to accept: the deadline is 31.01.2026 (a month's end)."""
    applicant = make_user(Role.APPLICANT, username="soker")
    organisation = organisation_make(user=applicant)
    call = call_make(county=county)
    application = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    application = recommendation_set(
        application=screening_complete(application=application), recommendation="grant", amount=100_000
    )
    decisions_make(call=call, application_ids=[application.pk], today=datetime.date(2026, 1, 10))
    application.refresh_from_db()
    assert application.acceptance_deadline == datetime.date(2026, 1, 31)
    return application


def run(*args):
    out = io.StringIO()
    with translation.override("nb"):
        call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def test_the_reminder_is_sent_7_days_before_the_deadline_and_only_once(granted, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    assert run("--today", "2026-01-23").endswith("0 påminnelser sendt\n")
    assert run("--today", "2026-01-24", "--dry-run").endswith("1 påminnelse ville blitt sendt\n")
    assert not SentReminder.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        out = run("--today", "2026-01-24")
    assert f"{granted.reference}: aksepter tilskuddet innen 31.01.2026" in out
    assert out.endswith("1 påminnelse sendt\n")
    assert len(mail.outbox) == 1 and "31.01.2026" in mail.outbox[0].body
    assert run("--today", "2026-01-24").endswith("0 påminnelser sendt\n")
    assert len(mail.outbox) == 1


def test_a_grant_is_accepted_within_the_deadline(granted):
    assert application_accept(application=granted, today=datetime.date(2026, 1, 31)).status == Status.ACCEPTED


def test_after_the_deadline_it_cannot_be_accepted_and_lapses_returning_the_money(granted):
    with pytest.raises(ApplicationError):
        application_accept(application=granted, today=datetime.date(2026, 2, 1))
    assert call_granted_sum(granted.call) == 100_000
    out = run("--today", "2026-02-01")
    assert f"{granted.reference}: ikke akseptert innen 31.01.2026, faller bort" in out
    granted.refresh_from_db()
    assert granted.status == Status.LAPSED
    assert call_granted_sum(granted.call) == 0


def test_a_bad_date_is_refused(granted):
    with pytest.raises(ApplicationError):
        run("--today", "2026-02-30")
