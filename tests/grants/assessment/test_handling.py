"""Issue 12 §5–6: screening (complete / ask with an e-mail / reject with a coded reason), impartiality before
assessing (a disqualified caseworker cannot), scores per criterion and the call's ranked overview (constant queries)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.assessment.services import (
    assessment_save,
    impartiality_declare,
    screening_ask,
    screening_complete,
    screening_reject,
)
from integrering.grants.models import Status
from tests.grants.factories import application_make, call_make, organisation_make

SCORES = {"kvalitet": 4, "samarbeid": 2}


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="tilskudd")


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def call(county):
    return call_make(county=county)


@pytest.fixture
def submitted(call, applicant):
    organisation = organisation_make(user=applicant)
    return application_make(call=call, organisation=organisation, user=applicant, submit=True)


def test_screening_complete_sends_it_to_assessment(submitted):
    assert screening_complete(application=submitted).status == Status.ASSESSMENT


def test_asking_for_more_information_mails_the_organisation_and_lets_it_resubmit(
    submitted, applicant, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from integrering.grants.applications.services import application_submit, application_update

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application = screening_ask(application=submitted, message="Legg ved budsjett")
    assert application.status == Status.MISSING_INFO
    (message,) = mail.outbox
    assert message.to == ["post@example.org"] and "Legg ved budsjett" in message.body
    application = application_update(application=application, version=application.version, activities="Mer")
    application = application_submit(application=application, user=applicant, now=timezone.now())
    assert application.status == Status.SCREENING


def test_a_formally_inadequate_application_is_rejected_with_a_coded_reason(submitted):
    with pytest.raises(ApplicationError):
        screening_reject(application=submitted, code="ZZ")
    application = screening_reject(application=submitted, code="F1")
    assert (application.status, application.rejection_codes) == (Status.REJECTED, ["F1"])


def test_a_caseworker_must_declare_impartiality_before_assessing(submitted, caseworker, make_user):
    application = screening_complete(application=submitted)
    with pytest.raises(ApplicationError, match="habilitet|impartiality"):
        assessment_save(application=application, user=caseworker, scores=SCORES, comment="", proposed_amount=100)
    impartiality_declare(application=application, user=caseworker, impartial=True)
    assessment = assessment_save(
        application=application, user=caseworker, scores=SCORES, comment="God", proposed_amount=150_000
    )
    assert assessment.weighted_score == Decimal("3.2")
    with pytest.raises(ApplicationError):
        impartiality_declare(application=application, user=caseworker, impartial=False)


def test_a_disqualified_caseworker_cannot_assess_nor_see_the_assessments(submitted, caseworker, make_user, client_for):
    application = screening_complete(application=submitted)
    impartiality_declare(application=application, user=caseworker, impartial=True)
    assessment_save(application=application, user=caseworker, scores=SCORES, comment="Hemmelig", proposed_amount=1)
    other = make_user(Role.GRANT_CASEWORKER, username="inhabil")
    impartiality_declare(application=application, user=other, impartial=False, note="Styremedlem")
    with pytest.raises(ApplicationError):
        assessment_save(application=application, user=other, scores=SCORES, comment="", proposed_amount=1)
    page = client_for(other).get(f"/tilskudd/ordninger/soknader/{application.pk}/").content.decode()
    assert "Hemmelig" not in page and "inhabil" in page
    assert "Hemmelig" in client_for(caseworker).get(f"/tilskudd/ordninger/soknader/{application.pk}/").content.decode()


def test_scores_must_cover_every_criterion_from_0_to_5(submitted, caseworker):
    application = screening_complete(application=submitted)
    impartiality_declare(application=application, user=caseworker, impartial=True)
    for scores in ({"kvalitet": 4}, {"kvalitet": 6, "samarbeid": 1}):
        with pytest.raises(ApplicationError):
            assessment_save(application=application, user=caseworker, scores=scores, comment="", proposed_amount=1)


def test_the_caseworker_screens_and_assesses_through_the_pages(submitted, caseworker, client_for):
    client = client_for(caseworker)
    base = f"/tilskudd/ordninger/soknader/{submitted.pk}/"
    assert client.post(base + "kontroll/", {"action": "complete"}).status_code == 302
    assert (
        client.post(base + "vurdering/", {"score_kvalitet": 3, "score_samarbeid": 3, "proposed_amount": 5}).status_code
        == 400
    )
    assert client.post(base + "habilitet/", {"impartial": "ja"}).status_code == 302
    response = client.post(base + "vurdering/", {"score_kvalitet": 3, "score_samarbeid": 3, "proposed_amount": 5})
    assert response.status_code == 302
    response = client.post(base + "innstilling/", {"recommendation": "grant", "amount": "150000"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.proposed_amount) == (Status.RECOMMENDED, 150_000)


def test_the_call_overview_is_ranked_with_sums_in_a_constant_number_of_queries(call, applicant, caseworker, client_for):
    organisation = organisation_make(user=applicant)
    client = client_for(caseworker)

    def add(score):
        application = screening_complete(
            application=application_make(call=call, organisation=organisation, user=applicant, submit=True)
        )
        impartiality_declare(application=application, user=caseworker, impartial=True)
        scores = {"kvalitet": score, "samarbeid": score}
        assessment_save(application=application, user=caseworker, scores=scores, comment="", proposed_amount=1)
        return application

    low = add(1)
    client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/")
    high = add(5)
    for score in (2, 3, 4):
        add(score)
    with CaptureQueriesContext(connection) as many:
        page = client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/").content.decode()
    assert len(many) == len(few)
    assert page.index(high.reference) < page.index(low.reference)
    assert "Søkt 1\xa0000\xa0000 kr" in page
