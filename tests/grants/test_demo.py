"""Issue 12 «Demo data»: three schemes with a call this year, 30+ applications across every status, the demo
applicant «soker» with an organisation and a draft; loading again changes nothing."""

import datetime
import io

from django.utils import timezone

from integrering.accounts.demo import demo_data_load
from integrering.core.models import User
from integrering.grants.models import Application, Call, Scheme, Status


def test_the_demo_has_schemes_calls_applications_in_every_status_and_soker(db, client):
    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    assert set(Scheme.objects.values_list("name", flat=True)) >= {
        "Mentor- og traineeordning",
        "Etablereropplæring for innvandrere",
    }
    assert Call.objects.filter(year=timezone.localdate().year).count() == 3
    assert Application.objects.count() >= 30
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    soker = User.objects.get(username="soker")
    assert soker.check_password("demo-passord-som-er-langt")
    assert Application.objects.filter(organisation__memberships__user=soker, status=Status.DRAFT).exists()
    for call in Call.objects.all():
        granted = sum(
            a.granted_amount or 0 for a in call.applications.filter(status__in=["innvilget", "akseptert", "avsluttet"])
        )
        assert granted <= call.budget_frame
    count = Application.objects.count()
    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    assert Application.objects.count() == count
    assert client.get("/tilskudd/utlysninger/").content.decode().count("/tilskudd/utlysninger/") >= 3


def test_the_demo_follows_grants_up_with_payments_reports_and_reclaims(db):
    """Issue 12 «Demo data»: a report due within 60 days of the day the demo is loaded and one overdue, a status
    report, an approved final report, a reclaim; closed grants are paid in full; soker's organisation has a grant."""
    from integrering.grants.models import Payment, Reclaim, Report, ReportKind, ReportStatus
    from integrering.grants.reports.services import report_due_on

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    today = timezone.localdate()
    open_final = Application.objects.filter(status=Status.ACCEPTED).exclude(reports__kind=ReportKind.FINAL)
    dues = [report_due_on(a) for a in open_final]
    assert any(today <= due <= today + datetime.timedelta(days=60) for due in dues)
    assert any(due < today for due in dues)
    assert Report.objects.filter(kind=ReportKind.STATUS).exists()
    assert Report.objects.filter(kind=ReportKind.FINAL, status=ReportStatus.APPROVED).exists()
    assert Report.objects.filter(kind=ReportKind.FINAL, status=ReportStatus.SUBMITTED).exists()
    assert Reclaim.objects.filter(status="open").exists() and Reclaim.objects.filter(status="repaid").exists()
    for closed in Application.objects.filter(status=Status.CLOSED):
        paid = sum(p.amount for p in Payment.objects.filter(application=closed, status="paid"))
        assert paid == closed.granted_amount
        assert closed.reports.filter(kind=ReportKind.FINAL, status=ReportStatus.APPROVED).exists()
    soker = User.objects.get(username="soker")
    assert Application.objects.filter(organisation__memberships__user=soker, status=Status.ACCEPTED).exists()
    for payment in Payment.objects.exclude(approved_by=None):
        assert payment.approved_by_id != payment.attested_by_id
