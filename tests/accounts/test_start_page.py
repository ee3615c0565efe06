"""The start page: the panels the apps register (here the municipalities' panel) and the areas."""

from integrering.core.roles import Role


def test_the_start_page_shows_my_municipalities(make_user, client_for):
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign

    user = make_user(Role.ADVISER, username="kp")
    contact_assign(
        person=user,
        municipalities=Municipality.objects.filter(number__in=["5006", "5007"]),
        start=datetime.date(2020, 1, 1),
    )
    page = client_for(user).get("/").content.decode()
    assert "Mine kommuner" in page and "/kommuner/5006/" in page and "/kommuner/5007/" in page
    assert "/kommuner/5001/" not in page


def test_a_municipal_users_start_page_shows_their_own_municipality(municipal_user, client_for):
    page = client_for(municipal_user).get("/").content.decode()
    assert "Min kommune" in page and 'href="/kommuner/5001/"' in page and "Trondheim - Tråante" in page
    assert "Mine kommuner" not in page and "Du er ikke kontaktperson" not in page


def test_the_start_page_says_which_year_the_municipalitys_population_is_from(municipal_user, client_for):
    import datetime

    page = client_for(municipal_user).get("/").content.decode()
    assert f"1. januar {datetime.date.today().year}" in page
