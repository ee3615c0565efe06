"""Issue 12 «Demo data»: three schemes with a call this year, 30+ applications across every status, the demo
applicant «soker» with an organisation and a draft; loading again changes nothing."""

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
