"""Issue 12 §8: batch decisions per call; the budget is never overspent (checked under a row lock on the call);
every applicant gets a letter with the appeal information."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import close_old_connections, connection

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.assessment.services import screening_complete
from integrering.grants.decisions.services import BudgetExceeded, decisions_make, recommendation_set
from integrering.grants.models import Application, Status
from tests.grants.factories import application_make, call_make, organisation_make

TODAY = datetime.date(2026, 6, 1)


def recommended(call, organisation, user, amount=None, reject=False):
    application = application_make(call=call, organisation=organisation, user=user, submit=True)
    application = screening_complete(application=application)
    if reject:
        return recommendation_set(application=application, recommendation="reject", codes=["P1"])
    return recommendation_set(application=application, recommendation="grant", amount=amount)


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def organisation(applicant):
    return organisation_make(user=applicant)


def test_a_batch_is_decided_with_letters_and_appeal_information(
    county, organisation, applicant, django_capture_on_commit_callbacks
):
    call = call_make(county=county, budget_frame=500_000)
    granted = recommended(call, organisation, applicant, amount=200_000)
    rejected = recommended(call, organisation, applicant, reject=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions_make(call=call, application_ids=[granted.pk, rejected.pk], today=TODAY)
    granted.refresh_from_db()
    rejected.refresh_from_db()
    assert (granted.status, granted.granted_amount) == (Status.GRANTED, 200_000)
    assert granted.acceptance_deadline == TODAY + datetime.timedelta(days=21)
    assert rejected.status == Status.REJECTED
    letters = {m.subject: m.body for m in mail.outbox}
    assert len(letters) == 2
    for body in letters.values():
        assert "3 uker" in body and "§§ 28–29" in body
    assert any("200\xa0000\xa0kr" in body and "22.06.2026" in body for body in letters.values())
    assert any("P1" in body and "Low priority" in body for body in letters.values())


def test_a_batch_that_would_overspend_is_refused_as_a_whole(county, organisation, applicant):
    call = call_make(county=county, budget_frame=300_000)
    first = recommended(call, organisation, applicant, amount=200_000)
    decisions_make(call=call, application_ids=[first.pk], today=TODAY)
    second = recommended(call, organisation, applicant, amount=100_000)
    third = recommended(call, organisation, applicant, amount=50_000)
    with pytest.raises(BudgetExceeded) as raised:
        decisions_make(call=call, application_ids=[second.pk, third.pk], today=TODAY)
    assert "300" in raised.value.user_message
    assert Application.objects.filter(pk__in=[second.pk, third.pk], status=Status.RECOMMENDED).count() == 2
    decisions_make(call=call, application_ids=[second.pk], today=TODAY)  # exactly the frame is allowed


def test_only_recommended_applications_of_the_call_are_decided(county, organisation, applicant):
    call = call_make(county=county)
    draft = application_make(call=call, organisation=organisation, user=applicant)
    with pytest.raises(ApplicationError):
        decisions_make(call=call, application_ids=[draft.pk], today=TODAY)


def test_the_decision_page_shows_the_refusal(county, organisation, applicant, make_user, client_for):
    call = call_make(county=county, budget_frame=100_000)
    application = recommended(call, organisation, applicant, amount=150_000)
    client = client_for(make_user(Role.GRANT_CASEWORKER, username="tilskudd"))
    response = client.post(f"/tilskudd/ordninger/utlysninger/{call.pk}/vedtak/", {"soknad": [application.pk]})
    assert response.status_code == 400
    assert "Budsjettet ville blitt overskredet" in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)")
def test_two_concurrent_decisions_cannot_both_pass(county, make_user):
    applicant = make_user(Role.APPLICANT, username="soker")
    organisation = organisation_make(user=applicant)
    call = call_make(county=county, budget_frame=300_000)
    a = recommended(call, organisation, applicant, amount=200_000)
    b = recommended(call, organisation, applicant, amount=200_000)
    barrier, outcomes = threading.Barrier(2), []

    def decide(application):
        try:
            barrier.wait()
            decisions_make(call=call, application_ids=[application.pk], today=TODAY)
            outcomes.append("ok")
        except BudgetExceeded:
            outcomes.append("refused")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=decide, args=(x,)) for x in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert Application.objects.filter(call=call, status=Status.GRANTED).count() == 1


def test_the_recommendation_list_is_offered_as_xlsx(county, organisation, applicant, make_user, client_for):
    import openpyxl

    call = call_make(county=county)
    recommended(call, organisation, applicant, amount=120_000)
    recommended(call, organisation, applicant, reject=True)
    response = client_for(make_user(Role.LEADER, username="leder")).get(
        f"/tilskudd/ordninger/utlysninger/{call.pk}/innstilling.xlsx"
    )
    assert response.status_code == 200
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "referanse"
    assert len(values) == 4 and values[-1][0] == "Sum" and values[-1][7] == 120_000
