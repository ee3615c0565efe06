import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.plans.measures.services import measure_create, status_update_post
from integrering.plans.plans.services import focus_area_create, goal_create


def _page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/planer/{plan.pk}/").status_code == 200
    return len(queries)


def test_the_plan_page_shows_the_tree_with_status_and_light(plan, measure, adviser, client_for):
    status_update_post(
        measure=measure, author=adviser, text="x", status="in_progress", light="yellow", light_comment="Risiko"
    )
    page = client_for(adviser).get(f"/planer/{plan.pk}/").content.decode()
    assert "1.1.1 Dialog med kommunene" in page
    assert "Pågår" in page or "In progress" in page


def test_the_plan_page_needs_the_same_number_of_queries_for_a_larger_plan(plan, goal, adviser, client_for):
    client = client_for(adviser)
    measure_create(goal=goal, identifier="1", title="Ett")
    small = _page_queries(client, plan)
    for a in range(3):
        area = focus_area_create(plan=plan, identifier=f"9{a}", title=f"F{a}")
        for g in range(3):
            new_goal = goal_create(focus_area=area, identifier=f"{g}", title=f"G{g}")
            for m in range(4):
                measure_create(goal=new_goal, identifier=f"{m}", title=f"M{m}", primary_person=adviser)
    assert _page_queries(client, plan) == small


def test_an_adopted_plan_needs_the_date_and_the_body(adviser, client_for):
    response = client_for(adviser).post(
        "/planer/ny/",
        {"title": "P", "slug": "p", "first_year": 2024, "last_year": 2025, "status": "adopted", "stale_days": 90},
    )
    assert response.status_code == 400


def test_an_adviser_creates_a_plan(adviser, client_for):
    response = client_for(adviser).post(
        "/planer/ny/",
        {
            "title": "Ny plan",
            "slug": "ny-plan",
            "first_year": 2024,
            "last_year": 2027,
            "status": "adopted",
            "adopted_on": "01.03.2024",
            "adopted_by": "Fylkestinget",
            "stale_days": 90,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_action_programme_keeps_earlier_revisions(plan, measure, other_measure, adviser, client_for):
    client = client_for(adviser)
    url = f"/planer/{plan.pk}/handlingsprogram/2025/revider/"
    first = {f"m{measure.pk}-include": "on", f"m{measure.pk}-budget": "100000", f"m{measure.pk}-responsible": "A"}
    assert client.post(url, first).status_code == 302
    second = first | {f"m{other_measure.pk}-include": "on", f"m{other_measure.pk}-budget": "5000"}
    assert client.post(url, second).status_code == 302
    revisions = list(plan.programmes.filter(year=2025).order_by("revision"))
    assert [r.revision for r in revisions] == [1, 2]
    assert revisions[0].items.count() == 1 and revisions[1].items.count() == 2
    page = client.get(f"/planer/{plan.pk}/handlingsprogram/2025/").content.decode()
    assert "100" in page


def test_dates_are_in_the_plan_period(plan):
    assert plan.period == "2024–2027"
    assert plan.adopted_on == datetime.date(2024, 3, 1)


def test_a_plan_cannot_take_the_address_of_a_page(county):
    import pytest

    from integrering.core.exceptions import ApplicationError
    from integrering.plans.plans.services import plan_create

    for slug in ("arsrapport", "2024"):
        with pytest.raises(ApplicationError):
            plan_create(county=county, title="P", slug=slug, first_year=2024, last_year=2025)
