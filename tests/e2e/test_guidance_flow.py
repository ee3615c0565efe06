"""Career guidance in the browser: a municipality refers a participant, a counsellor guides and completes,
the findings follow; axe finds no serious or critical violations on the pages on the way."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.guidance.cases.services import case_session_add, referral_create
from integrering.guidance.participants.services import participant_create
from integrering.municipalities.models import Municipality

pytestmark = pytest.mark.e2e


def _participant(today: datetime.date):
    """Settled 40 days ago, the decision made 5 days ago, no mapping and no guidance yet."""
    return participant_create(
        county=County.objects.get(number="50"),
        municipality=Municipality.objects.get(number="5001"),
        reference="E2E-1",
        name="Amina Fiktiv",
        birth_date=datetime.date(1990, 5, 17),
        permit_category="flyktning",
        permit_date=today - datetime.timedelta(days=60),
        settlement_date=today - datetime.timedelta(days=40),
        settled_by_agreement=True,
        education_level="grunnskole",
        decision_date=today - datetime.timedelta(days=5),
    )


def test_a_referral_goes_from_the_municipality_to_the_counsellor_and_the_findings_follow(
    page, e2e_db, e2e_user, login, assert_accessible
):
    today = timezone.localdate()
    participant = _participant(today)
    assert {"MAPPING_MISSING", "GUIDANCE_MISSING"} <= set(participant.findings)
    e2e_user("kommune5001", Role.MUNICIPAL_USER, municipality="5001")
    e2e_user("veileder", Role.CAREER_COUNSELLOR)
    menu = page.get_by_role("navigation", name="Hovedmeny")

    # The municipality finds its participant and refers them, with the mapping date.
    login(page, "kommune5001")
    menu.get_by_role("link", name="Deltakere").click()
    page.wait_for_url("**/veiledning/deltakere/")
    row = page.get_by_role("row", name=re.compile("E2E-1"))
    expect(row).to_contain_text("Kartlegging mangler")
    expect(row).to_contain_text("Feil")
    assert_accessible(page)
    page.get_by_role("link", name="E2E-1").click()
    page.wait_for_url(f"**/veiledning/deltakere/{participant.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Henvis til karriereveiledning").click()
    page.get_by_label("Dato for kompetansekartlegging").fill((today - datetime.timedelta(days=20)).isoformat())
    page.get_by_label("Merknad til karrieresenteret").fill("Kontaktperson: Kari i flyktningtjenesten")
    assert_accessible(page)
    page.get_by_role("button", name="Henvis").click()
    page.wait_for_url(f"**/veiledning/deltakere/{participant.pk}/")
    expect(page.get_by_role("status").first).to_contain_text("henvist til karriereveiledning")
    findings = page.locator(".finding-list--full")
    expect(findings).not_to_contain_text("Kartlegging mangler")
    expect(findings).to_contain_text("Veiledning mangler")
    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url("**/logg-inn/**")

    # The counsellor sees the referral in the queue, takes it, records a session and completes.
    login(page, "veileder")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kø").click()
    page.wait_for_url("**/veiledning/ko/")
    waiting = page.locator("section", has=page.get_by_role("heading", name=re.compile("Henvist, ikke booket")))
    expect(waiting).to_contain_text("Amina Fiktiv")
    assert_accessible(page)
    waiting.get_by_role("button", name=re.compile("^Ta")).click()
    page.wait_for_url("**/veiledning/ko/")
    expect(page.get_by_role("status").first).to_contain_text("Du tok saken")
    page.get_by_role("link", name="Amina Fiktiv").click()
    page.wait_for_url(f"**/veiledning/deltakere/{participant.pk}/")

    session = page.locator("#samtaler")
    session.get_by_label("Lengde (minutter)").fill("60")
    session.get_by_label("Digitalt").check()
    session.get_by_label("Tolk brukt").check()
    session.get_by_label("Tolkens språk").fill("tigrinja")
    session.get_by_role("button", name="Registrer samtale").click()
    expect(page.locator("#samtaler")).to_contain_text("Samtalen ble registrert.")  # replaced in place by htmx
    expect(page.locator("#samtaler table")).to_contain_text("tigrinja")
    assert_accessible(page)

    page.get_by_role("link", name="Fullfør veiledningen").click()
    page.get_by_label("Utdanning").check()
    page.get_by_label("Kort merknad til anbefalingen").fill("Vg1 helse- og oppvekstfag")
    assert_accessible(page)
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url(f"**/veiledning/deltakere/{participant.pk}/")
    expect(page.get_by_role("status").first).to_contain_text("Karriereveiledningen ble fullført")
    findings = page.locator(".finding-list--full")
    expect(findings).not_to_contain_text("Veiledning mangler")
    expect(findings).to_contain_text("Vedtak før veiledning")
    expect(page.locator("#veiledning").locator("..")).to_contain_text("Utdanning")
    assert_accessible(page)

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kø").click()
    completed = page.locator("section", has=page.get_by_role("heading", name="Fullført nylig"))
    expect(completed).to_contain_text("Amina Fiktiv")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Etterlevelse").click()
    page.wait_for_url("**/veiledning/etterlevelse/")
    assert_accessible(page)


def test_a_municipality_registers_a_participant_and_its_decision(page, e2e_db, e2e_user, login, assert_accessible):
    today = timezone.localdate()
    e2e_user("kommune5001", Role.MUNICIPAL_USER, municipality="5001")
    login(page, "kommune5001")
    page.goto(f"{e2e_db.url}/veiledning/deltakere/")
    page.get_by_role("link", name="Registrer en deltaker").click()
    page.get_by_label("Kommunens referanse").fill("TRD-2026-1")
    page.get_by_label("Navn").fill("Yusuf Fiktiv")
    page.get_by_label("Fødselsdato").fill("1990-05-17")
    page.get_by_label("Fødselsnummer eller D-nummer").fill("17059010183")  # wrong check digit
    page.get_by_label("Tillatelse", exact=True).select_option("flyktning")
    page.get_by_label("Tillatelsesdato").fill((today - datetime.timedelta(days=100)).isoformat())
    page.get_by_label("Bosettingsdato").fill((today - datetime.timedelta(days=70)).isoformat())
    page.get_by_label("Bosatt etter avtale").select_option("true")
    page.get_by_role("button", name="Lagre").click()
    summary = page.get_by_role("region", name="Dette må rettes")  # the error summary at the top takes the focus
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_contain_text("Ugyldig fødselsnummer")
    expect(page.locator(".ds-validation-message")).to_contain_text("Ugyldig fødselsnummer")
    assert_accessible(page)
    page.get_by_label("Fødselsnummer eller D-nummer").fill("17059010182")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status").first).to_contain_text("Deltakeren ble registrert")
    expect(page.locator("body")).to_contain_text("I målgruppen (§ 8)")

    page.get_by_role("link", name="Registrer vedtak og program").click()
    page.get_by_label("Vedtaksdato (§ 12)").fill((today - datetime.timedelta(days=3)).isoformat())
    page.get_by_label("Sluttmål").select_option("videregaende")
    page.get_by_label("Planlagt varighet (måneder)").fill("24")
    assert_accessible(page)
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status").first).to_contain_text("Vedtaket ble registrert")
    expect(page.locator(".finding-list--full")).to_contain_text("Veiledning mangler")
    page.goto(f"{e2e_db.url}/veiledning/deltakere/")
    assert "17059010182" not in page.content() and "170590" not in page.content()
    expect(page.get_by_role("row", name=re.compile("TRD-2026-1"))).to_contain_text("Registrert – skjult")


def test_a_school_coordinator_enrols_a_participant_and_exports_to_the_municipality(
    page, e2e_db, e2e_user, login, assert_accessible
):
    from integrering.core.models import PersonalDataAccess

    today = timezone.localdate()
    participant = participant_create(
        county=County.objects.get(number="50"),
        municipality=Municipality.objects.get(number="5001"),
        reference="VGO-1",
        name="Selam Fiktiv",
        birth_date=datetime.date(2004, 2, 29),
        full_time_upper_secondary=True,
    )
    coordinator = e2e_user("skolekoordinator", Role.SCHOOL_COORDINATOR)
    login(page, "skolekoordinator")
    page.goto(f"{e2e_db.url}/veiledning/deltakere/")
    page.get_by_role("main").get_by_role("link", name="Norskopplæring (§ 30)").click()
    page.wait_for_url("**/veiledning/opplaering/")
    assert_accessible(page)
    page.get_by_role("link", name="Meld opp VGO-1").click()
    page.get_by_label("Skole").fill("Thora Storm videregående skole")
    page.get_by_label("Mål for norsknivå").select_option("B1")
    page.get_by_label("Start").fill(today.isoformat())
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url("**/veiledning/opplaering/")
    page.get_by_role("link", name="Oppdater VGO-1").click()
    page.get_by_label("Timer fravær").fill("6")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url("**/veiledning/opplaering/")
    expect(page.get_by_role("row", name=re.compile("Selam Fiktiv"))).to_contain_text("6")
    assert_accessible(page)

    page.get_by_role("search", name="Filtrer etter kommune").get_by_label("Kommune").select_option("5001")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("row", name=re.compile("Selam Fiktiv"))).to_be_visible()
    export = page.get_by_role("region", name="Eksport til kommunen")
    expect(export.get_by_label("Kommune")).to_have_value("5001")  # the export follows the filter
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned CSV").click()
    body = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert body.splitlines()[0].startswith("kommunenummer;referanse;navn")
    assert "VGO-1;Selam Fiktiv;2004-02-29" in body
    read = PersonalDataAccess.objects.get(user=coordinator, action="export")
    assert read.record_ids == [participant.pk]


PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
UNREACHABLE_SCROLLERS = """() => [...document.querySelectorAll('.table-scroll')]
    .filter(s => s.scrollWidth > s.clientWidth + 1 && s.tabIndex < 0).length"""


def test_the_guidance_pages_fit_a_narrow_phone_and_work_by_keyboard(page, e2e_db, e2e_user, login, assert_accessible):
    """At 375 px no page scrolls sideways (wide tables scroll in their own keyboard-reachable region), and
    recording a session by keyboard leaves the focus on the confirmation, not at the top of the page."""
    today = timezone.localdate()
    participant = _participant(today)
    referral_create(participant=participant, user=None, mapping_date=today - datetime.timedelta(days=20))
    case = participant.guidance_case
    case_session_add(case=case, date=today, minutes=30, interpreter_used=True, interpreter_language="dari")
    e2e_user("veileder", Role.CAREER_COUNSELLOR)
    e2e_user("kommune5001", Role.MUNICIPAL_USER, municipality="5001")
    page.set_viewport_size({"width": 375, "height": 800})
    pages = {
        "veileder": [
            "/veiledning/deltakere/",
            "/veiledning/ko/",
            f"/veiledning/deltakere/{participant.pk}/",
            f"/veiledning/saker/{case.pk}/book/",
            f"/veiledning/saker/{case.pk}/fullfor/",
            "/veiledning/etterlevelse/",
        ],
        "kommune5001": [
            "/veiledning/deltakere/",
            f"/veiledning/deltakere/{participant.pk}/",
            f"/veiledning/deltakere/{participant.pk}/endre/",
            f"/veiledning/deltakere/{participant.pk}/vedtak/",
            "/veiledning/deltakere/ny/",
        ],
    }
    for username, paths in pages.items():
        page.context.clear_cookies()
        login(page, username)
        for path in paths:
            page.goto(f"{e2e_db.url}{path}")
            assert page.evaluate(PAGE_OVERFLOW) <= 0, f"{username} {path} scrolls sideways"
            assert page.evaluate(UNREACHABLE_SCROLLERS) == 0, f"{username} {path}: a scroller cannot be focused"
            assert_accessible(page)

    # keyboard only: the counsellor records a session with the Enter key
    page.context.clear_cookies()
    login(page, "veileder")
    page.goto(f"{e2e_db.url}/veiledning/deltakere/{participant.pk}/")
    page.locator("#samtaler").get_by_label("Lengde (minutter)").focus()
    page.keyboard.type("45")
    page.keyboard.press("Enter")
    confirmation = page.locator("#samtaler").get_by_role("status")
    expect(confirmation).to_contain_text("Samtalen ble registrert.")
    expect(confirmation).to_be_focused()
