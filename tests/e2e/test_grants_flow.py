"""Grants in the browser (issue 12): an applicant registers, confirms the e-mail, registers the organisation,
applies and submits; the caseworker screens, declares impartiality, scores, recommends and decides; both download
the decision letter (a tagged PDF); the applicant accepts; one caseworker attests the first instalment, another
approves it, and it is marked paid. axe finds no serious or critical violations on the pages on the way."""

import io
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.grants.models import Application, Status

pytestmark = pytest.mark.e2e
PASSWORD = "et-langt-soker-passord"


def _call():
    from tests.grants.factories import call_make

    return call_make(county=County.objects.get(number="50"))


def test_an_applicant_registers_applies_and_the_caseworker_decides(page, e2e_db, e2e_user, login, assert_accessible):
    call = _call()
    url = e2e_db.url
    # An anonymous visitor finds the open call and registers.
    page.goto(f"{url}/tilskudd/utlysninger/")
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_role("link", name=call.title).click()
    expect(page.get_by_text("Åpen for søknader.")).to_be_visible()
    page.get_by_role("link", name="Første gang? Registrer deg som søker").click()
    page.get_by_label("Fornavn").fill("Siri")
    page.get_by_label("Etternavn").fill("Søker")
    page.get_by_label("E-post").fill("siri@example.org")
    page.get_by_label("Passord", exact=True).fill(PASSWORD)
    page.get_by_label("Passord igjen").fill(PASSWORD)
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Vi har sendt deg en e-post")).to_be_visible()
    link = re.search(r"https?://\S+/tilskudd/bekreft/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_label("Brukernavn").fill("siri@example.org")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{url}/")

    # The organisation, then the application in three steps and the summary.
    page.goto(f"{url}/tilskudd/mine/")
    page.get_by_role("link", name="Registrer en organisasjon").first.click()
    page.get_by_label("Type").select_option("organisation")
    page.get_by_label("Navn").fill("Frivilligsentralen")
    page.get_by_label("Organisasjonsnummer").fill("974760673")
    page.get_by_label("Kommune").select_option(label="5001 Trondheim")
    page.get_by_label("Kontonummer").fill("8601.11.17947")
    page.get_by_label("E-post til organisasjonen").fill("post@example.org")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", name="Frivilligsentralen")).to_be_visible()
    page.goto(f"{url}/tilskudd/utlysninger/{call.pk}/")
    page.get_by_role("link", name="Søk", exact=True).click()
    page.get_by_role("button", name="Start søknaden").click()
    page.get_by_label("Prosjekttittel").fill("Mentor i jobb")
    page.get_by_label("Hva prosjektet skal gjøre").fill("Mentorer for nyankomne")
    page.get_by_label("Prosjektstart").fill("2026-03-01")
    page.get_by_label("Prosjektslutt").fill("2026-12-31")
    page.get_by_label("Aktiviteter og tidsplan").fill("Mars: oppstart")
    page.get_by_role("button", name="Lagre og gå videre").click()
    page.get_by_label("Målgruppe").fill("Nyankomne flyktninger")
    page.get_by_label("5001 Trondheim").check()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_role("button", name="Lagre og gå videre").click()
    page.get_by_label("Kostnadsplan").fill("Lønn;300000\nKurs;100000")
    page.get_by_label("Omsøkt beløp (kr)").fill("200000")
    page.get_by_label("Annen finansiering").fill("Egenandel;200000")
    page.get_by_role("button", name="Lagre og gå videre").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_role("button", name="Send søknaden").click()
    expect(page.get_by_text(re.compile(r"Søknaden er sendt med referanse TS-\d{4}-0001"))).to_be_visible()
    application = Application.objects.get()
    assert application.status == Status.SUBMITTED
    assert any(application.reference in m.subject for m in mail.outbox)

    # The caseworker: screening, impartiality, score, recommendation, decision.
    page.get_by_role("button", name="Logg ut").click()
    e2e_user("tilskudd", Role.GRANT_CASEWORKER)
    login(page, "tilskudd")
    page.get_by_role("link", name=application.reference).first.click()
    page.get_by_label("Komplett: til vurdering").check()
    page.get_by_role("button", name="Lagre kontrollen").click()
    page.get_by_label("Jeg er habil").check()
    page.get_by_role("button", name="Erklær").click()
    page.get_by_label("Quality (60 %)").fill("4")
    page.get_by_label("Cooperation (40 %)").fill("3")
    page.get_by_label("Foreslått beløp (kr)").fill("150000")
    page.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_role("heading", name="Vurderinger")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_label("Innvilg").check()
    page.get_by_label("Foreslått tilskudd (kr)").fill("150000")
    page.get_by_role("button", name="Innstill").click()
    page.goto(f"{url}/tilskudd/ordninger/utlysninger/{call.pk}/vedtak/")
    page.get_by_role("button", name="Vedta og send brevene").click()
    expect(page.get_by_text("1 søknader er avgjort")).to_be_visible()
    application.refresh_from_db()
    assert (application.status, application.granted_amount) == (Status.GRANTED, 150_000)
    assert any("3 uker" in m.body and application.reference in m.subject for m in mail.outbox)

    # The letter as a PDF on the caseworker's page of the application.
    page.goto(f"{url}/tilskudd/ordninger/soknader/{application.pk}/")
    with page.expect_download() as caught:
        page.get_by_role("link", name=re.compile(r"Tilsagnsbrev av \d\d\.\d\d\.\d{4} \(PDF\)")).click()
    pdf = Path(caught.value.path()).read_bytes()
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and str(root["/Lang"]).startswith("nb")  # tagged, in Norwegian
    assert caught.value.suggested_filename == f"vedtaksbrev-{application.reference}.pdf"

    # The applicant downloads the same letter and accepts the grant.
    page.get_by_role("button", name="Logg ut").click()
    page.goto(f"{url}/logg-inn/")
    page.get_by_label("Brukernavn").fill("siri@example.org")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{url}/")
    page.get_by_role("link", name=application.reference).first.click()
    with page.expect_download() as caught:
        page.get_by_role("link", name=re.compile(r"Tilsagnsbrev av .* \(PDF\)")).click()
    assert Path(caught.value.path()).read_bytes() == pdf  # the letter as it was sent, whoever downloads it
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_role("button", name="Aksepter tilskuddet og vilkårene").click()
    expect(page.get_by_text("Tilskuddet er akseptert.")).to_be_visible()

    # Payment: the first caseworker creates and attests the first instalment, a second one approves, then paid.
    page.get_by_role("button", name="Logg ut").click()
    login(page, "tilskudd")
    page.goto(f"{url}/tilskudd/ordninger/soknader/{application.pk}/")
    page.get_by_role("button", name="Opprett neste avdrag").click()
    expect(page.get_by_text(re.compile(r"112\s500 kr – Anmodet"))).to_be_visible()
    page.get_by_role("button", name="Attester").click()
    expect(page.get_by_role("button", name="Godkjenn")).to_be_visible()
    page.get_by_role("button", name="Godkjenn").click()  # the same person: refused (two-person rule)
    expect(page.get_by_role("button", name="Godkjenn")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()
    e2e_user("tilskudd2", Role.GRANT_CASEWORKER)
    login(page, "tilskudd2")
    page.goto(f"{url}/tilskudd/ordninger/soknader/{application.pk}/")
    page.get_by_role("button", name="Godkjenn").click()
    page.get_by_role("button", name="Merk som utbetalt").click()
    expect(page.get_by_text(re.compile(r"112\s500 kr – Utbetalt"))).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    payment = application.payments.get()
    assert (payment.amount, payment.status) == (112_500, "paid")
    assert payment.attested_by.username == "tilskudd" and payment.approved_by.username == "tilskudd2"
