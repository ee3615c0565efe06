import io

import pytest

from integrering.plans.measures.models import Light, Measure, MeasureStatus, StatusUpdate
from integrering.plans.plans.models import Plan
from integrering.plans.reports.models import PeriodReport


@pytest.fixture
def demo(county):
    from integrering.accounts.demo import demo_data_load

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    return county


def test_the_demo_has_the_seeds_plan_and_a_public_successor(demo):
    titles = set(Plan.objects.values_list("title", flat=True))
    assert "Plan for fylkeskommunens ansvarsområder på integreringsområdet (2021–2023)" in titles
    assert Plan.objects.filter(public=True, status="adopted").count() == 1


def test_the_demo_has_twenty_measures_in_every_status_and_light(demo):
    successor = Plan.objects.get(public=True)
    measures = Measure.objects.filter(goal__focus_area__plan=successor)
    assert measures.count() >= 20
    assert set(measures.values_list("status", flat=True)) == set(MeasureStatus.values)
    assert set(measures.values_list("light", flat=True)) == set(Light.values)
    assert measures.values("goal__focus_area__area").distinct().count() == 7


def test_the_demo_has_status_updates_over_two_years_and_a_completed_report(demo):
    dates = StatusUpdate.objects.order_by("created_at").values_list("created_at", flat=True)
    assert (dates.last() - dates.first()).days > 600
    assert PeriodReport.objects.filter(completed_at__isnull=False, plan__public=True).exists()


def test_loading_the_demo_twice_changes_nothing(demo):
    from integrering.accounts.demo import demo_data_load

    before = Measure.objects.count(), StatusUpdate.objects.count()
    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    assert (Measure.objects.count(), StatusUpdate.objects.count()) == before


def test_every_plans_page_of_the_demo_opens_for_a_leader_and_the_public_page_anonymously(demo, client):
    from integrering.core.models import User
    from integrering.plans.models import Indicator

    public_plan = Plan.objects.get(public=True)
    assert client.get(f"/planer/{public_plan.slug}/").status_code == 200
    client.force_login(User.objects.get(username="leder"))
    urls = ["/planer/", "/planer/arsrapport/?aar=2025", "/planer/arsrapport/2025.json", "/"]
    for plan in Plan.objects.all():
        urls += [
            f"/planer/{plan.pk}/",
            f"/planer/{plan.pk}/rapporter/",
            f"/planer/{plan.pk}/rapporter/sammenlign/",
            f"/planer/{plan.pk}/handlingsprogram/2026/",
        ]
    urls += [f"/planer/tiltak/{m.pk}/" for m in Measure.objects.all()[:5]]
    urls += [f"/planer/indikatorer/{i.pk}/" for i in Indicator.objects.all()]
    urls += [f"/planer/rapporter/{r.pk}/" for r in PeriodReport.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url
