import pytest

from integrering.core.registry import linkable_register, measure_tags
from integrering.plans.measures.models import MeasureLink


@pytest.fixture
def activities():
    """A kind of record registered as another app would (an activity)."""
    linkable_register(
        key="test.activity",
        label="Aktivitet",
        options=lambda *, county: [(7, "Nettverkssamling"), (8, "Kurs")],
        describe=lambda *, county, ids: {i: (f"Aktivitet {i}", f"/aktiviteter/{i}/") for i in ids if i in (7, 8)},
    )
    yield "test.activity"
    from integrering.core import registry

    registry._LINKABLE.pop("test.activity", None)


def test_an_adviser_links_a_measure_to_a_record_and_removes_it(measure, adviser, client_for, activities):
    client = client_for(adviser)
    assert client.post(f"/planer/tiltak/{measure.pk}/lenker/", {"target": "test.activity:7"}).status_code == 302
    assert "Aktivitet 7" in client.get(f"/planer/tiltak/{measure.pk}/").content.decode()
    link = MeasureLink.objects.get()
    assert client.post(f"/planer/tiltak/{measure.pk}/lenker/fjern/", {"link": link.pk}).status_code == 302
    assert not MeasureLink.objects.exists()


def test_a_record_not_offered_cannot_be_linked(measure, adviser, client_for, activities):
    response = client_for(adviser).post(f"/planer/tiltak/{measure.pk}/lenker/", {"target": "test.activity:99"})
    assert response.status_code == 400
    assert not MeasureLink.objects.exists()


def test_another_apps_page_gets_the_measures_a_record_serves(measure, adviser, client_for, activities):
    client = client_for(adviser)
    response = client.post("/planer/lenker/?type=test.activity&id=8", {"tiltak": [measure.pk]})
    assert response.status_code == 302
    tags, edit_url = measure_tags(user=adviser, kind="test.activity", object_id=8)
    assert tags == [("1.1.1 Dialog med kommunene", f"/planer/tiltak/{measure.pk}/")]
    assert edit_url == "/planer/lenker/?type=test.activity&id=8"


def test_settlement_years_are_linkable(county):
    from integrering.core.registry import linkable_kind
    from integrering.settlement.models import SettlementYear

    year = SettlementYear.objects.create(county=county, year=2024)
    kind = linkable_kind("settlement.year")
    assert (year.pk, "Bosetting 2024") in kind.options(county=county) or (year.pk, "Settlement 2024") in kind.options(
        county=county
    )
    assert kind.describe(county=county, ids=[year.pk])[year.pk][1] == "/bosetting/2024/"
