"""Grants in the browser (issue 12 §11): the applicant sends the final report with its accounts from the grant's
page; the caseworker finds it on the start page and approves it; the grant, paid in full, is closed. axe finds no
serious or critical violations on the report pages."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from integrering.core.models import County
from integrering.core.roles import Role
from integrering.grants.models import Application, Report, ReportStatus, Status

pytestmark = pytest.mark.e2e


def _paid_grant(applicant, one, two):
    """An accepted grant of 100 000 kr (plan 100 %) to the applicant's organisation, paid in full."""
    from integrering.grants.payments.services import payment_approve, payment_attest, payment_create, payment_mark_paid
    from tests.grants.factories import call_make, grant_accepted_make, organisation_make, scheme_make

    county = County.objects.get(number="50")
    call = call_make(county=county, scheme=scheme_make(county=county, payment_plan=[100]))
    organisation = organisation_make(user=applicant)
    grant = grant_accepted_make(call=call, organisation=organisation, user=applicant)
    payment = payment_approve(payment=payment_attest(payment=payment_create(application=grant), user=one), user=two)
    payment_mark_paid(payment=payment, on=datetime.date(2026, 7, 1))
    return grant


def test_the_applicant_sends_the_final_report_and_the_caseworker_approves_it(
    page, e2e_db, e2e_user, login, assert_accessible
):
    url = e2e_db.url
    applicant = e2e_user("soker", Role.APPLICANT)
    caseworker = e2e_user("tilskudd", Role.GRANT_CASEWORKER)
    grant = _paid_grant(applicant, caseworker, e2e_user("tilskudd2", Role.GRANT_CASEWORKER))

    login(page, "soker")
    page.goto(f"{url}/tilskudd/soknader/{grant.pk}/")
    expect(page.get_by_text("Fristen for sluttrapporten er 31.03.2027.")).to_be_visible()
    page.get_by_role("link", name="Send sluttrapporten").click()
    page.get_by_label("Hva som ble gjort og oppnådd").fill("12 deltakere fullførte; 7 er i arbeid.")
    page.get_by_label("Lønn: faktisk kostnad (kr)").fill("290000")
    page.get_by_label("Kurs: faktisk kostnad (kr)").fill("100000")
    page.get_by_label("Faktiske kostnader i alt (kr)").fill("400000")
    page.get_by_role("button", name="Send rapporten").click()
    expect(page.get_by_text("er ikke summen av postene (390000 kr)").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_label("Faktiske kostnader i alt (kr)").fill("390000")
    page.get_by_role("button", name="Send rapporten").click()
    expect(page.get_by_text("Rapporten er sendt til fylkeskommunen.")).to_be_visible()
    expect(page.get_by_role("link", name="Sluttrapport")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()

    login(page, "tilskudd")
    page.get_by_role("link", name=f"{grant.reference}: Sluttrapport").click()
    expect(page.get_by_role("table")).to_contain_text("290\xa0000")
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    page.get_by_label("Godkjenn rapporten").check()
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Rapporten er godkjent.")).to_be_visible()
    assert Report.objects.get().status == ReportStatus.APPROVED
    grant = Application.objects.get(pk=grant.pk)
    assert grant.status == Status.CLOSED
    assert Report.objects.get().handled_at <= timezone.now()
