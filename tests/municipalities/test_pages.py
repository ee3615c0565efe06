import datetime
import re

import pytest
from django.utils import timezone

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


@pytest.mark.parametrize("year", ["abc", "2019", "2100"])
def test_a_year_without_reference_data_falls_back_to_the_current_year_with_a_message(year, adviser, client_for):
    response = client_for(adviser).get(f"/kommuner/?aar={year}")
    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["year"] == today.year
    assert f"Velg et år fra 2020 til {today.year + 1}. Viser {today.year}." in response.content.decode()


def test_the_year_is_chosen_from_the_years_with_reference_data_and_next_year(adviser, client_for):
    page = client_for(adviser).get("/kommuner/").content.decode()
    options = re.findall(r'<option value="(\d{4})"', page)
    assert options == [str(y) for y in range(2020, timezone.localdate().year + 2)]


def test_a_year_after_the_last_name_year_shows_the_latest_official_names_and_unknown_population(adviser, client_for):
    next_year = timezone.localdate().year + 1
    response = client_for(adviser).get(f"/kommuner/?aar={next_year}")
    rows = {m.number: m for m in response.context["rows"]}
    assert rows["5001"].name_in_year == "Trondheim - Tråante" and rows["5041"].name_in_year == "Snåase - Snåsa"
    # The one fallback: the latest earlier figure, marked with its year; the total counts exact figures only.
    assert all(m.population_year < next_year for m in rows.values())
    page = response.content.decode()
    assert "folketall – (ikke kjent for dette året)" in page and ">0<" not in page
    assert f'<span class="muted">({rows["5001"].population_year})</span>' in page


def test_sorting_by_name_follows_the_norwegian_alphabet(adviser, client_for):
    rows = client_for(adviser).get("/kommuner/?aar=2024&sorter=navn").context["rows"]
    assert [m.name_in_year for m in rows][-3:] == ["Verdal", "Ørland", "Åfjord"]
    rows = client_for(adviser).get("/kommuner/?aar=2024&sorter=-navn").context["rows"]
    assert [m.name_in_year for m in rows][:2] == ["Åfjord", "Ørland"]


def test_the_sorted_column_shows_its_direction_visibly_and_to_screen_readers(adviser, client_for):
    page = client_for(adviser).get("/kommuner/?aar=2024&sorter=-folketall").content.decode()
    header = re.search(
        r'<th scope="col" class="num" aria-sort="descending"><a [^>]*href="\?aar=2024&amp;sorter=folketall">'
        r'Folketall 1\. januar<span class="sort-mark" aria-hidden="true">▼</span>',
        page,
    )
    assert header, page[page.index("<thead>") : page.index("</thead>")]
    assert page.count("aria-sort=") == 1


def test_the_municipality_page_shows_names_over_time_and_population(adviser, client_for):
    page = client_for(adviser).get("/kommuner/5001/").content.decode()
    assert "Trondheim - Tråante" in page and ">Trondheim<" in page
    assert "205\xa0163" in page  # 1 January 2020


def test_the_list_query_count_does_not_grow_with_municipalities(adviser, client_for, django_assert_num_queries):
    client = client_for(adviser)
    client.get("/kommuner/")  # warm the session
    # session, user, roles, municipalities (names and population annotated), current and upcoming contact
    # persons, session save: a fixed number, whatever the number of municipalities.
    with django_assert_num_queries(10):
        client.get("/kommuner/")
    with django_assert_num_queries(10):
        client.get("/kommuner/kontaktpersoner/")


def test_an_admin_assigns_a_contact_person_and_the_gap_closes(county_admin, adviser, client_for):
    client = client_for(county_admin)
    orland = Municipality.objects.get(number="5057")
    assert "5057" in _without_section(client)
    response = client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {
            "person": adviser.pk,
            "municipalities": [orland.pk],
            "start": "2024-01-01",
        },
    )
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
    client.post(
        "/kommuner/kontaktpersoner/tildel/",
        {"person": adviser.pk, "municipalities": [orland.pk], "start": "2024-01-01"},
    )
    page = client.get("/admin/revisjon/").content.decode()
    assert "Ørland" in page and "admin" in page


def _without_section(client) -> str:
    page = client.get("/kommuner/kontaktpersoner/").content.decode()
    start = page.index("Uten kontaktperson")
    return page[start : page.index("</section>", start)]
