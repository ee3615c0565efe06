from integrering.plans.measures.services import status_update_post


def test_the_public_page_shows_goals_measures_and_the_latest_public_text(client, plan, measure, adviser):
    status_update_post(
        measure=measure,
        author=adviser,
        text="Offentlig nytt",
        status="in_progress",
        light="yellow",
        light_comment="INTERN KOMMENTAR",
        public=True,
    )
    status_update_post(
        measure=measure,
        author=adviser,
        text="Intern notis",
        status="in_progress",
        light="yellow",
        light_comment="INTERN KOMMENTAR",
    )
    response = client.get("/planer/integreringsplan/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rask bosetting" in page and "1.1.1 Dialog med kommunene" in page
    assert "Offentlig nytt" in page
    assert "Intern notis" not in page and "INTERN KOMMENTAR" not in page


def test_the_public_page_shows_no_persons_or_contact_data(client, plan, measure, adviser):
    adviser.first_name, adviser.last_name, adviser.email = "Randi", "Rådgiversen", "randi@fylke.no"
    adviser.save()
    page = client.get("/planer/integreringsplan/").content.decode()
    assert "Randi" not in page and "randi@fylke.no" not in page and "Rådgiversen" not in page


def test_a_plan_that_is_not_public_has_no_public_page(client, plan):
    plan.public = False
    plan.save()
    assert client.get("/planer/integreringsplan/").status_code == 404
