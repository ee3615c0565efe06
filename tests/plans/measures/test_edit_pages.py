from integrering.plans.measures.models import Measure


def test_every_edit_page_opens_for_an_adviser(plan, goal, measure, adviser, client_for):
    client = client_for(adviser)
    area = goal.focus_area
    for url in (
        "/planer/",
        "/planer/ny/",
        f"/planer/{plan.pk}/endre/",
        f"/planer/{plan.pk}/fokusomrader/ny/",
        f"/planer/fokusomrader/{area.pk}/endre/",
        f"/planer/fokusomrader/{area.pk}/mal/ny/",
        f"/planer/mal/{goal.pk}/endre/",
        f"/planer/mal/{goal.pk}/tiltak/ny/",
        f"/planer/mal/{goal.pk}/indikatorer/ny/",
        f"/planer/tiltak/{measure.pk}/endre/",
        f"/planer/{plan.pk}/handlingsprogram/2025/revider/",
        f"/planer/{plan.pk}/rapporter/",
        "/planer/arsrapport/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_stale_edit_of_a_measure_gives_409_and_the_other_persons_values(measure, adviser, client_for):
    client = client_for(adviser)
    data = {"identifier": "1.1.1", "title": "Mitt navn", "version": measure.version}
    Measure.objects.filter(pk=measure.pk).update(title="Noen andres navn", version=measure.version + 1)
    response = client.post(f"/planer/tiltak/{measure.pk}/endre/", data)
    assert response.status_code == 409
    assert "Noen andres navn" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).title == "Noen andres navn"


def test_a_measure_is_edited_with_its_areas_and_contributors(measure, adviser, client_for):
    client = client_for(adviser)
    response = client.post(
        f"/planer/tiltak/{measure.pk}/endre/",
        {
            "identifier": "1.1.1",
            "title": "Nytt",
            "areas": ["settlement", "grants"],
            "contributors": [adviser.pk],
            "version": measure.version,
        },
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.areas == ["settlement", "grants"] and list(measure.contributors.all()) == [adviser]


def test_the_leaders_start_page_lists_the_measures_off_track(measure, adviser, leader, client_for):
    from integrering.plans.measures.services import status_update_post

    status_update_post(
        measure=measure, author=adviser, text="x", status="in_progress", light="red", light_comment="Ingen boliger"
    )
    page = client_for(leader).get("/").content.decode()
    assert "1.1.1 Dialog med kommunene" in page and "Ingen boliger" in page
