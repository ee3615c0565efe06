"""The report and payment-request pages: the applicant asks for instalments and sends reports on their grant's page;
the caseworker handles reports; nobody reaches another organisation's grant, report or reclaim by changing an id."""

import datetime

import pytest
from django.utils.timezone import now

from integrering.core.roles import Role
from integrering.grants.models import Payment, Reclaim, Report, ReportKind, ReportStatus
from integrering.grants.payments.services import payment_approve, payment_attest, payment_mark_paid
from integrering.grants.reports.services import report_submit
from tests.pages import messages_of


def test_the_applicant_asks_for_the_next_instalment_and_the_last_waits_for_the_report(
    accepted, applicant, caseworkers, client_for
):
    client = client_for(applicant)
    page = client.get(f"/tilskudd/soknader/{accepted.pk}/").content.decode()
    assert "Be om neste utbetaling: 75\xa0000 kr" in page
    response = client.post(f"/tilskudd/soknader/{accepted.pk}/utbetaling/", follow=True)
    payment = Payment.objects.get()
    assert (payment.amount, payment.requested_by) == (75_000, applicant)
    assert any("75\xa0000 kr" in m for m in messages_of(response))
    response = client.post(f"/tilskudd/soknader/{accepted.pk}/utbetaling/", follow=True)
    assert any("allerede under behandling" in m for m in messages_of(response))
    one, two = caseworkers
    payment_mark_paid(payment=payment_approve(payment=payment_attest(payment=payment, user=one), user=two), on=now())
    page = client.get(f"/tilskudd/soknader/{accepted.pk}/").content.decode()
    assert "Det siste avdraget (25\xa0000 kr) kan du be om når sluttrapporten er godkjent." in page
    response = client.post(f"/tilskudd/soknader/{accepted.pk}/utbetaling/", follow=True)
    assert any("når sluttrapporten er godkjent" in m for m in messages_of(response))
    assert Payment.objects.count() == 1


def test_the_applicant_sends_the_final_report_and_the_caseworker_asks_for_more_then_approves(
    accepted, applicant, caseworkers, client_for
):
    client = client_for(applicant)
    url = f"/tilskudd/soknader/{accepted.pk}/sluttrapport/"
    page = client.get(url).content.decode()
    assert "Planlagt: 300\xa0000 kr" in page and "Revisorens navn" not in page  # 100 000 kr: below the threshold
    response = client.post(url, {"text": "Ferdig", "actual_0": "290000", "actual_1": "100000", "total": "1"})
    assert response.status_code == 400 and "er ikke summen av postene (390000 kr)" in response.content.decode()
    response = client.post(url, {"text": "Ferdig", "actual_0": "290000", "actual_1": "100000", "total": "390000"})
    assert response.status_code == 302
    report = Report.objects.get(kind=ReportKind.FINAL)
    assert client.get(url).url == f"/tilskudd/rapporter/{report.pk}/"  # one final report
    caseworker = client_for(caseworkers[0])
    assert "290\xa0000" in caseworker.get(f"/tilskudd/ordninger/rapporter/{report.pk}/").content.decode()
    start = caseworker.get("/").content.decode()
    assert "Rapporter til behandling" in start and f"/tilskudd/ordninger/rapporter/{report.pk}/" in start
    handle = f"/tilskudd/ordninger/rapporter/{report.pk}/behandle/"
    response = caseworker.post(handle, {"action": "return", "message": ""})
    assert response.status_code == 400 and "Si hva som mangler." in response.content.decode()
    caseworker.post(handle, {"action": "return", "message": "Legg ved timelister."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    client = client_for(applicant)
    page = client.get(f"/tilskudd/rapporter/{report.pk}/").content.decode()
    assert "Legg ved timelister." in page and 'value="290000"' in page
    client.post(
        f"/tilskudd/rapporter/{report.pk}/",
        {
            "text": "Med timelister",
            "actual_0": "290000",
            "actual_1": "100000",
            "total": "390000",
            "version": report.version,
        },
    )
    report.refresh_from_db()
    assert (report.status, report.text) == (ReportStatus.SUBMITTED, "Med timelister")
    client_for(caseworkers[1]).post(handle, {"action": "approve"})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    response = client_for(caseworkers[1]).post(handle, {"action": "approve"})
    assert response.status_code == 400 and "fra «Godkjent» til «Godkjent»" in response.content.decode()


def test_the_status_report_page_and_the_accountant_fields_from_the_threshold(call, organisation, applicant, client_for):
    from tests.grants.factories import grant_accepted_make

    big = grant_accepted_make(
        call=call,
        organisation=organisation,
        user=applicant,
        amount=200_000,
        costs=[{"item": "Lønn", "amount": 400_000}],
        financing=[{"source": "Egenandel", "amount": 200_000}],
    )
    client = client_for(applicant)
    assert "Revisorens navn" in client.get(f"/tilskudd/soknader/{big.pk}/sluttrapport/").content.decode()
    response = client.post(f"/tilskudd/soknader/{big.pk}/statusrapport/", {"text": "Halvveis"})
    assert response.status_code == 302 and Report.objects.get().kind == ReportKind.STATUS


def test_the_accountants_signed_confirmation_is_uploaded_with_the_final_report_and_read_by_both_sides(
    call, organisation, applicant, caseworkers, client_for
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.grants.factories import grant_accepted_make

    big = grant_accepted_make(
        call=call,
        organisation=organisation,
        user=applicant,
        amount=200_000,
        costs=[{"item": "Lønn", "amount": 400_000}],
        financing=[{"source": "Egenandel", "amount": 200_000}],
    )
    client = client_for(applicant)
    fields = {
        "text": "Ferdig",
        "actual_0": "400000",
        "total": "400000",
        "accountant_name": "Revisor AS",
        "accountant_orgnr": "974760673",
        "accountant_confirmed": "on",
        "accountant_date": "01.12.2026",
    }
    refused = client.post(f"/tilskudd/soknader/{big.pk}/sluttrapport/", fields)
    assert refused.status_code == 400 and "Legg ved revisorens signerte bekreftelse" in refused.content.decode()
    assert not Report.objects.exists()
    signed = SimpleUploadedFile("bekreftelse.pdf", b"%PDF-1.4 signert", content_type="application/pdf")
    response = client.post(f"/tilskudd/soknader/{big.pk}/sluttrapport/", fields | {"accountant_statement": signed})
    assert response.status_code == 302
    report = Report.objects.get()
    applicant_page = client.get(f"/tilskudd/rapporter/{report.pk}/").content.decode()
    assert "bekreftelse.pdf" in applicant_page
    download = client.get(f"/tilskudd/soknader/vedlegg/{report.accountant_statement_id}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 signert"
    caseworker = client_for(caseworkers[0])
    assert "bekreftelse.pdf" in caseworker.get(f"/tilskudd/ordninger/rapporter/{report.pk}/").content.decode()
    assert caseworker.get(f"/tilskudd/ordninger/soknader/vedlegg/{report.accountant_statement_id}/").status_code == 200


@pytest.fixture
def other(make_user):
    """An applicant of another organisation."""
    from tests.grants.factories import organisation_make

    user = make_user(Role.APPLICANT, username="annen")
    organisation_make(user=user, orgnr="923609016", name="Annen forening")
    return user


def test_an_applicant_of_another_organisation_reaches_none_of_it_by_changing_an_id(
    accepted, applicant, other, caseworkers, client_for
):
    from integrering.grants.payments.services import payment_create
    from integrering.grants.reclaims.services import reclaim_create

    report = report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="I gang", now=now())
    one, two = caseworkers
    payment_mark_paid(
        payment=payment_approve(
            payment=payment_attest(payment=payment_create(application=accepted), user=one), user=two
        ),
        on=now(),
    )
    reclaim = reclaim_create(
        application=accepted,
        amount=1_000,
        reason="Ubrukt",
        due_on=datetime.date(2999, 1, 1),
        user=one,
        today=now().date(),
    )
    client = client_for(other)
    pages = [
        f"/tilskudd/soknader/{accepted.pk}/utbetaling/",
        f"/tilskudd/soknader/{accepted.pk}/statusrapport/",
        f"/tilskudd/soknader/{accepted.pk}/sluttrapport/",
        f"/tilskudd/rapporter/{report.pk}/",
    ]
    for path in pages:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"text": "Innbrudd"}).status_code == 404, path
    caseworker_pages = [
        f"/tilskudd/ordninger/rapporter/{report.pk}/",
        f"/tilskudd/ordninger/rapporter/{report.pk}/behandle/",
        f"/tilskudd/ordninger/soknader/{accepted.pk}/tilbakekrav/",
        f"/tilskudd/ordninger/tilbakekrav/{reclaim.pk}/tilbakebetalt/",
    ]
    for path in caseworker_pages:
        assert client.post(path, {"action": "approve", "repaid_on": "2026-01-01"}).status_code == 403, path
    assert (Payment.objects.count(), Report.objects.count(), Reclaim.objects.get().status) == (1, 1, "open")


def test_a_caseworker_of_another_county_and_a_municipal_user_cannot_reach_them(
    accepted, applicant, make_user, other_county, client_for
):
    report = report_submit(application=accepted, user=applicant, kind=ReportKind.STATUS, text="I gang", now=now())
    elsewhere = make_user(Role.GRANT_CASEWORKER, username="nordland", county_obj=other_county)
    client = client_for(elsewhere)
    assert client.get(f"/tilskudd/ordninger/rapporter/{report.pk}/").status_code == 404
    assert client.post(f"/tilskudd/ordninger/rapporter/{report.pk}/behandle/", {"action": "approve"}).status_code == 404
    assert client.get(f"/tilskudd/ordninger/soknader/{accepted.pk}/tilbakekrav/").status_code == 404
    municipal = client_for(make_user(Role.MUNICIPAL_USER, username="kommune", municipality="5001"))
    assert municipal.get(f"/tilskudd/ordninger/rapporter/{report.pk}/").status_code in (403, 404)
    assert municipal.get(f"/tilskudd/rapporter/{report.pk}/").status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
