"""Regional work in the browser: a municipal user asks for guidance → the contact person turns it into an
activity → the municipality sees it done; an adviser registers an activity with participants by sector. axe finds
no serious or critical violations on the pages on the way."""

import datetime

import pytest
from playwright.sync_api import expect

from integrering.core.models import User
from integrering.core.roles import Role
from integrering.municipalities.models import ContactAssignment, Municipality
from integrering.regional.models import Activity

pytestmark = pytest.mark.e2e


def test_a_guidance_request_goes_to_the_contact_person_and_comes_back_done(
    page, e2e_db, e2e_user, login, assert_accessible
):
    e2e_user("kommune5001", Role.MUNICIPAL_USER, municipality="5001")
    e2e_user("radgiver", Role.ADVISER)
    ContactAssignment.objects.create(
        municipality=Municipality.objects.get(number="5001"),
        person=User.objects.get(username="radgiver"),
        start=datetime.date(2020, 1, 1),
    )

    # The municipality asks from its start page.
    login(page, "kommune5001")
    panel = page.get_by_role("region", name="Veiledning fra fylkeskommunen")
    panel.get_by_role("link", name="Be om veiledning").click()
    page.wait_for_url("**/regionalt/veiledning/be-om/")
    page.get_by_label("Tema").select_option(label="Introduksjonsprogram")
    page.get_by_label("Hva trenger kommunen?").fill("Hjelp med å planlegge introduksjonsprogrammet")
    page.get_by_label("Ønskede datoer").fill("uke 12 eller 14")
    assert_accessible(page)
    page.get_by_role("button", name="Send forespørselen").click()
    expect(page.locator("main")).to_contain_text("Mottatt")
    page.get_by_role("button", name="Logg ut").click()

    # The contact person sees it on the start page and answers with an activity.
    login(page, "radgiver")
    page.get_by_role("link", name="Trondheim: Introduksjonsprogram").click()
    page.wait_for_url("**/regionalt/veiledning/*/")
    assert_accessible(page)
    page.get_by_role("link", name="Registrer en aktivitet for forespørselen").click()
    page.get_by_label("Dato", exact=True).fill(datetime.date.today().isoformat())
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("h1")).to_contain_text("Veiledning: Introduksjonsprogram")
    page.get_by_role("link", name="Merk som gjennomført").click()
    page.get_by_role("button", name="Endre status").click()
    expect(page.locator("main")).to_contain_text("Gjennomført")
    page.get_by_role("button", name="Logg ut").click()

    # The municipality sees it done.
    login(page, "kommune5001")
    page.get_by_role("link", name="Alle kommunens forespørsler om veiledning").click()
    expect(page.get_by_role("table")).to_contain_text("Utført")
    page.get_by_role("table").get_by_role("link").first.click()
    page.wait_for_url("**/regionalt/veiledning/kommunen/*/")
    expect(page.locator("main")).to_contain_text("Veiledning: Introduksjonsprogram")
    assert_accessible(page)


def test_an_adviser_registers_an_activity_with_participants_by_sector(page, e2e_db, e2e_user, login, assert_accessible):
    e2e_user("radgiver", Role.ADVISER)
    login(page, "radgiver")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Aktiviteter").click()
    page.wait_for_url("**/regionalt/aktiviteter/")
    page.get_by_role("link", name="Registrer en aktivitet").click()
    page.wait_for_url("**/regionalt/aktiviteter/ny/")
    assert_accessible(page)
    page.get_by_label("Tittel").fill("Kurs om tvangsekteskap for skoleansatte")
    page.get_by_label("Type").select_option(label="Kurs")
    page.get_by_label("3 Forebygging av negativ sosial kontroll").check()
    page.get_by_label("Tvangsekteskap").check()
    page.get_by_label("Dato", exact=True).fill("2025-03-04")
    page.get_by_label("Deltakere: skoler").fill("14")
    page.get_by_label("Deltakere: helse").fill("3")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url("**/regionalt/aktiviteter/*/")
    expect(page.locator("h1")).to_contain_text("Kurs om tvangsekteskap for skoleansatte")
    expect(page.locator("main")).to_contain_text("17")
    assert_accessible(page)
    activity = Activity.objects.get()
    assert (activity.participants_schools, activity.participants_health, activity.topics) == (
        14,
        3,
        ["forced_marriage"],
    )
