"""The plan in the browser: an adviser posts a status update with a red light and the leader's start page shows
it; the leader downloads the annual report. axe finds no serious or critical violations on the way."""

import datetime

import pytest
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.plans.measures.services import measure_create
from integrering.plans.plans.services import focus_area_create, goal_create, plan_create

pytestmark = pytest.mark.e2e


def _measure(adviser):
    plan = plan_create(
        county=County.objects.get(number="50"),
        title="Integreringsplan 2024–2027",
        slug="integreringsplan",
        first_year=2024,
        last_year=2027,
        status="adopted",
        adopted_on=datetime.date(2023, 12, 12),
        adopted_by="Fylkestinget",
        public=True,
    )
    goal = goal_create(
        focus_area=focus_area_create(plan=plan, identifier="1", title="Bosetting"),
        identifier="1.1",
        title="Rask bosetting",
    )
    return measure_create(goal=goal, identifier="1.1.1", title="Dialogmøter med kommunene", primary_person=adviser)


def test_an_adviser_posts_a_red_light_and_the_leader_sees_it_and_downloads_the_annual_report(
    page, e2e_db, e2e_user, login, assert_accessible
):
    adviser = e2e_user("radgiver", Role.ADVISER)
    e2e_user("leder", Role.LEADER)
    measure = _measure(adviser)

    login(page, "radgiver")
    page.goto(f"{e2e_db.url}/planer/")
    page.get_by_role("link", name="Integreringsplan 2024–2027").click()
    page.wait_for_url(f"**/planer/{measure.goal.focus_area.plan_id}/")
    assert_accessible(page)
    page.get_by_role("link", name="1.1.1 Dialogmøter med kommunene").click()
    page.wait_for_url(f"**/planer/tiltak/{measure.pk}/")
    page.get_by_label("Hva har skjedd").fill("Ingen kommuner har svart på invitasjonen.")
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Ikke i rute").check()
    page.get_by_role("button", name="Publiser oppdateringen").click()
    expect(page.get_by_text("Skriv hvorfor lyset ikke er grønt.").first).to_be_visible()  # the comment is required
    page.get_by_label("Hvorfor er lyset ikke grønt?").fill("Kommunene svarer ikke; vi ringer rundt.")
    page.get_by_role("button", name="Publiser oppdateringen").click()
    page.wait_for_url(f"**/planer/tiltak/{measure.pk}/")
    expect(page.get_by_text("Ingen kommuner har svart på invitasjonen.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Logg ut").click()

    login(page, "leder")
    panel = page.get_by_role("region", name="Planen: tiltak som ikke er i rute")
    expect(panel).to_contain_text("1.1.1 Dialogmøter med kommunene")
    expect(panel).to_contain_text("Kommunene svarer ikke")
    assert_accessible(page)
    with page.expect_download() as download:
        panel.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.get_by_role("link", name="Årsrapporten").first.click()
    page.wait_for_url("**/planer/arsrapport/**")
    assert_accessible(page)
    with page.expect_download() as word:
        page.get_by_role("link", name="Word (DOCX)").first.click()  # the site's language; nynorsk and bokmål follow
    assert word.value.suggested_filename.endswith(".docx")


def test_the_public_plan_page_is_read_anonymously(page, e2e_db, e2e_user, assert_accessible):
    measure = _measure(e2e_user("radgiver", Role.ADVISER))
    page.goto(f"{e2e_db.url}/planer/integreringsplan/")
    expect(page.get_by_role("heading", name="Integreringsplan 2024–2027")).to_be_visible()
    expect(page.get_by_text(f"{measure.identifier} {measure.title}")).to_be_visible()
    assert_accessible(page)
