import datetime

from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.municipalities.services import contact_assign


def test_the_list_shows_38_municipalities_with_population_for_the_chosen_year(adviser, client_for):
    response = client_for(adviser).get("/kommuner/?aar=2020")
    rows = response.context["rows"]
    assert len(rows) == 38
    assert sum(m.population_in_year for m in rows) == 468_702
    assert "468\xa0702" in response.content.decode()


def test_the_list_is_sortable_by_population(adviser, client_for):
    rows = client_for(adviser).get("/kommuner/?aar=2024&sorter=-folketall").context["rows"]
    assert rows[0].number == "5001"
    assert [m.population_in_year for m in rows] == sorted((m.population_in_year for m in rows), reverse=True)


def test_a_bad_year_falls_back_to_the_current_year_with_a_message(adviser, client_for):
    response = client_for(adviser).get("/kommuner/?aar=abc")
    assert response.status_code == 200
    assert "Året må være et helt tall" in response.content.decode()


def test_the_municipality_page_shows_names_over_time_and_population(adviser, client_for):
    page = client_for(adviser).get("/kommuner/5001/").content.decode()
    assert "Trondheim - Tråante" in page and ">Trondheim<" in page
    assert "205\xa0163" in page  # 1 January 2020


def test_the_list_query_count_does_not_grow_with_municipalities(adviser, client_for, django_assert_num_queries):
    client = client_for(adviser)
    client.get("/kommuner/")  # warm the session
    # session, user, roles, municipalities (names and population annotated), contact persons, session save:
    # a fixed number, whatever the number of municipalities.
    with django_assert_num_queries(9):
        client.get("/kommuner/")
    with django_assert_num_queries(9):
        client.get("/kommuner/kontaktpersoner/")


def test_an_admin_assigns_a_contact_person_and_the_gap_closes(county_admin, adviser, client_for):
    client = client_for(county_admin)
    orland = Municipality.objects.get(number="5057")
    assert "5057" in _without_section(client)
    response = client.post("/kommuner/kontaktpersoner/tildel/", {
        "person": adviser.pk, "municipalities": [orland.pk], "start": "2024-01-01",
    })
    assert response.status_code == 302
    assert "5057" not in _without_section(client)


def test_assigning_a_new_contact_ends_the_previous_period(adviser, make_user):
    from integrering.core.roles import Role

    other = make_user(Role.ADVISER, username="annen")
    trondheim = Municipality.objects.filter(number="5001")
    contact_assign(person=adviser, municipalities=trondheim, start=datetime.date(2020, 1, 1))
    contact_assign(person=other, municipalities=trondheim, start=datetime.date(2024, 3, 1))
    first = ContactAssignment.objects.get(person=adviser)
    assert first.end == datetime.date(2024, 2, 29)


def test_contact_changes_are_in_the_audit_log(county_admin, adviser, client_for):
    client = client_for(county_admin)
    orland = Municipality.objects.get(number="5057")
    client.post("/kommuner/kontaktpersoner/tildel/", {"person": adviser.pk, "municipalities": [orland.pk], "start": "2024-01-01"})
    page = client.get("/admin/revisjon/").content.decode()
    assert "Ørland" in page and "admin" in page


def _without_section(client) -> str:
    page = client.get("/kommuner/kontaktpersoner/").content.decode()
    start = page.index("Uten kontaktperson")
    return page[start:page.index("</section>", start)]
