"""Issue 12 §8: each decided application has its letter — the grant letter (amount, conditions, report deadline,
payment plan, acceptance deadline) or the rejection with the coded reasons, both with the right of appeal — frozen
when it is sent, e-mailed and downloadable as a tagged PDF with the same text; the recommendation list as PDF."""

import datetime
import io

import pytest
from django.core import mail

from integrering.core.roles import Role
from integrering.grants.assessment.services import screening_reject
from integrering.grants.decisions.services import decisions_make
from integrering.grants.models import DecisionLetter, LetterKind
from integrering.grants.schemes.services import scheme_update
from tests.grants.decisions.test_budget_guard import recommended
from tests.grants.factories import application_make, call_make, organisation_make, scheme_make

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def organisation(applicant):
    return organisation_make(user=applicant)


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="tilskudd")


@pytest.fixture
def call(county):
    scheme = scheme_make(county=county, conditions="Prosjektet skal gjennomføres som beskrevet.")
    return call_make(county=county, scheme=scheme, budget_frame=1_000_000)


@pytest.fixture
def decided(call, organisation, applicant, django_capture_on_commit_callbacks):
    granted = recommended(call, organisation, applicant, amount=200_000)
    rejected = recommended(call, organisation, applicant, reject=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions_make(call=call, application_ids=[granted.pk, rejected.pk], today=TODAY)
    granted.refresh_from_db()
    rejected.refresh_from_db()
    return granted, rejected


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]  # tagged (PDF/UA-1)
    assert str(root["/Lang"]).lower().startswith("nb")
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_grant_letter_holds_amount_conditions_report_payments_acceptance_and_appeal(decided):
    granted, _rejected = decided
    letter = DecisionLetter.objects.get(application=granted)
    assert letter.kind == LetterKind.GRANT and letter.dated == TODAY
    text = letter.plain_text
    for expected in (
        "200\xa0000\xa0kr",
        "Prosjektet skal gjennomføres som beskrevet.",
        "75 % (150\xa0000\xa0kr) når tilskuddet er akseptert",
        "25 % (50\xa0000\xa0kr) når sluttrapporten er godkjent",
        "31.03.2027",  # the project ends 31.12.2026; the report is due 3 months later
        "22.06.2026",  # the acceptance deadline: 21 days after the decision
        "3 uker",
        "§§ 28–29",
        granted.reference,
    ):
        assert expected in text, expected


def test_the_rejection_letter_gives_the_coded_reasons_and_the_right_of_appeal(decided):
    _granted, rejected = decided
    letter = DecisionLetter.objects.get(application=rejected)
    assert letter.kind == LetterKind.REJECTION
    assert "P1: Low priority" in letter.plain_text
    assert "3 uker" in letter.plain_text and "§§ 28–29" in letter.plain_text


def test_the_e_mail_has_the_letters_text_in_norwegian(decided):
    granted, rejected = decided
    by_subject = {m.subject: m for m in mail.outbox}
    for application in (granted, rejected):
        message = by_subject[f"Vedtak om søknaden {application.reference}"]
        assert message.to == ["post@example.org"]
        letter = DecisionLetter.objects.get(application=application)
        assert letter.plain_text in message.body
        html = message.alternatives[0][0]
        assert letter.sections[-1]["text"] in html


def test_a_later_edit_of_the_scheme_does_not_change_a_sent_letter(decided, call, client_for, caseworker):
    granted, _rejected = decided
    before = DecisionLetter.objects.get(application=granted).plain_text
    scheme = call.scheme
    scheme_update(
        scheme=scheme,
        version=scheme.version,
        conditions="Nye vilkår etter vedtaket.",
        payment_plan=[100],
        report_due_months=6,
    )
    assert DecisionLetter.objects.get(application=granted).plain_text == before
    text = pdf_text(client_for(caseworker).get(f"/tilskudd/ordninger/soknader/{granted.pk}/vedtaksbrev.pdf").content)
    assert "Prosjektet skal gjennomføres som beskrevet." in text and "Nye vilkår" not in text


def test_the_caseworker_and_the_organisation_download_the_letter_as_a_tagged_pdf(
    decided, client_for, caseworker, applicant
):
    granted, rejected = decided
    response = client_for(caseworker).get(f"/tilskudd/ordninger/soknader/{granted.pk}/vedtaksbrev.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"vedtaksbrev-{granted.reference}.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Frivilligsentralen" in text and "3 uker" in text and "22.06.2026" in text
    page = client_for(applicant).get(f"/tilskudd/soknader/{rejected.pk}/").content.decode()
    assert f"/tilskudd/soknader/{rejected.pk}/vedtaksbrev.pdf" in page
    response = client_for(applicant).get(f"/tilskudd/soknader/{rejected.pk}/vedtaksbrev.pdf")
    assert response.status_code == 200
    assert "P1 : Low priority" in pdf_text(response.content).replace("P1:", "P1 :")


def test_another_organisation_never_gets_the_letter_by_changing_the_id(decided, make_user, client_for):
    granted, _rejected = decided
    other = make_user(Role.APPLICANT, username="annen")
    organisation_make(user=other, orgnr="938587418", name="Annen forening")
    response = client_for(other).get(f"/tilskudd/soknader/{granted.pk}/vedtaksbrev.pdf")
    assert response.status_code == 404


def test_an_application_not_decided_has_no_letter(call, organisation, applicant, client_for, caseworker):
    application = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    response = client_for(caseworker).get(f"/tilskudd/ordninger/soknader/{application.pk}/vedtaksbrev.pdf")
    assert response.status_code == 404
    assert "ingen vedtaksbrev" in response.content.decode()


def test_a_rejection_at_the_screening_gets_its_letter(
    call, organisation, applicant, django_capture_on_commit_callbacks
):
    application = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        screening_reject(application=application, code="F1")
    letter = DecisionLetter.objects.get(application=application)
    assert "F1: Formally inadequate" in letter.plain_text
    assert [m.subject for m in mail.outbox] == [f"Vedtak om søknaden {application.reference}"]


def test_the_recommendation_list_is_a_tagged_pdf(call, organisation, applicant, make_user, client_for):
    first = recommended(call, organisation, applicant, amount=120_000)
    second = recommended(call, organisation, applicant, reject=True)
    response = client_for(make_user(Role.LEADER, username="leder")).get(
        f"/tilskudd/ordninger/utlysninger/{call.pk}/innstilling.pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (first.reference, second.reference, "120 000", "P1 Low priority", "Innstilling"):
        assert expected in text, expected
