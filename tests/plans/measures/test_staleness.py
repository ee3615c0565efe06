import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from integrering.plans.annual_report.models import DigestSent
from integrering.plans.measures.models import Measure
from integrering.plans.measures.services import status_update_post
from integrering.plans.plans.selectors import stale_measures


def _age(measure, days: int) -> None:
    Measure.objects.filter(pk=measure.pk).update(created_at=timezone.now() - datetime.timedelta(days=days + 1))


def test_a_measure_without_an_update_for_the_plans_days_is_stale(plan, measure, other_measure, adviser):
    _age(measure, 90)
    _age(other_measure, 90)
    status_update_post(measure=other_measure, author=adviser, text="Nylig", status="in_progress", light="green")
    assert list(stale_measures([plan])) == [measure]


def test_the_number_of_days_is_set_on_the_plan(plan, measure):
    _age(measure, 30)
    assert not stale_measures([plan]).exists()
    plan.stale_days = 20
    plan.save()
    assert list(stale_measures([plan])) == [measure]


def test_a_finished_measure_is_never_stale(plan, measure, adviser):
    status_update_post(
        measure=measure,
        author=adviser,
        text="Ferdig",
        status="done",
        light="green",
        at=timezone.now() - datetime.timedelta(days=400),
    )
    assert not stale_measures([plan]).exists()


def test_the_owners_start_page_flags_the_stale_measure(plan, measure, adviser, client_for):
    _age(measure, 90)
    page = client_for(adviser).get("/").content.decode()
    assert "1.1.1 Dialog med kommunene" in page


def test_the_digest_is_sent_once_per_week(plan, measure, adviser, django_capture_on_commit_callbacks):
    adviser.email = "radgiver@example.org"
    adviser.save()
    _age(measure, 90)
    out = io.StringIO()
    call_command("send-plan-digest", "--dry-run", stdout=out)
    assert len(mail.outbox) == 0 and not DigestSent.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-plan-digest", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-plan-digest", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert "1.1.1 Dialog med kommunene" in mail.outbox[0].body
    assert DigestSent.objects.count() == 1
