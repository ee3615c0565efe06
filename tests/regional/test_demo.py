"""The demo data: a year of activities in the four areas across most municipalities, requests in every status,
40+ organisations with valid numbers, a forum with open action points; loading twice changes nothing."""

import io

from stdnum.no import orgnr

from integrering.regional.models import (
    ActionPoint,
    Activity,
    ActivityArea,
    GuidanceRequest,
    Organisation,
    RequestStatus,
)


def test_the_demo_data_is_complete_and_idempotent(county):
    from integrering.accounts.demo import demo_data_load

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    counts = (Activity.objects.count(), GuidanceRequest.objects.count(), Organisation.objects.count())
    assert set(ActivityArea.objects.values_list("area", flat=True)) >= {2, 3, 4, 6}
    reached = Activity.municipalities.through.objects.values("municipality_id").distinct().count()
    assert reached >= 25
    assert set(GuidanceRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert counts[2] >= 40 and all(orgnr.is_valid(n) for n in Organisation.objects.values_list("orgnr", flat=True))
    assert ActionPoint.objects.filter(status="open").count() >= 2
    assert Activity.objects.filter(grant_id__isnull=False).count() == 3  # funded by the demo's awarded grants
    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    assert (Activity.objects.count(), GuidanceRequest.objects.count(), Organisation.objects.count()) == counts
