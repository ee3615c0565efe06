"""Issue 12 §4: the stepwise form saves drafts; the summary submits; sums and the scheme's share are checked; the
reference is TS-<year>-<nnnn>, unique per county and year; a late submission is refused unless reopened; an applicant
never reaches another organisation's application."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.grants.applications.services import application_reopen, application_submit, application_update
from integrering.grants.models import Application, Status
from integrering.municipalities.models import Municipality
from tests.grants.factories import application_make, call_make, organisation_make

NOW = timezone.make_aware(datetime.datetime(2026, 6, 1, 12, 0))


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def call(county):
    return call_make(county=county)


@pytest.fixture
def organisation(applicant):
    return organisation_make(user=applicant)


def test_an_applicant_fills_the_steps_and_submits_with_a_receipt(
    call, organisation, applicant, client_for, django_capture_on_commit_callbacks
):
    client = client_for(applicant)
    response = client.post(f"/tilskudd/utlysninger/{call.pk}/sok/", {"organisation": organisation.pk})
    application = Application.objects.get()
    assert response.url == f"/tilskudd/soknader/{application.pk}/steg/1/"
    steps = {
        1: {
            "project_title": "Mentor i jobb",
            "project_summary": "Mentorer",
            "starts_on": "2026-03-01",
            "ends_on": "2026-12-31",
            "activities": "Mars: oppstart",
        },
        2: {
            "target_group": "Nyankomne",
            "participant_count": "",
            "municipalities": [Municipality.objects.get(number="5001").pk],
        },
        3: {"costs": "Lønn;300 000\nKurs;100000 kr", "amount_applied": "200000", "financing": "Egenandel;200000"},
    }
    for step, data in steps.items():
        application.refresh_from_db()
        response = client.post(
            f"/tilskudd/soknader/{application.pk}/steg/{step}/", data | {"version": application.version}
        )
        assert response.status_code == 302, response.content.decode()
    assert response.url == f"/tilskudd/soknader/{application.pk}/"
    summary = client.get(response.url).content.decode()
    assert "400\xa0000" in summary and "Send søknaden" in summary
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/tilskudd/soknader/{application.pk}/")
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.reference == f"TS-{timezone.localdate().year}-0001"
    assert {m.to[0] for m in mail.outbox} == {"soker@example.org", "post@example.org"}
    assert application.reference in mail.outbox[0].subject
    # Submitted: the steps no longer change it.
    assert client.get(f"/tilskudd/soknader/{application.pk}/steg/1/").url == f"/tilskudd/soknader/{application.pk}/"


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"amount_applied": 250_000}, "financing", "går ikke opp"),
        (
            {"amount_applied": 300_000, "financing": [{"source": "Egen", "amount": 100_000}]},
            "amount_applied",
            "høyst 50 %",
        ),
        ({"costs": []}, "costs", "Kostnadsplanen er tom."),
        ({"project_title": ""}, "project_title", "Prosjekttittelen mangler."),
        ({"ends_on": datetime.date(2026, 1, 1)}, "ends_on", "Prosjektet slutter før det begynner."),
        ({"municipalities": []}, "municipalities", "Velg kommunene som er med."),
    ],
)
def test_an_incomplete_or_unbalanced_application_is_not_submitted(
    call, organisation, applicant, changes, field, message
):
    from django.utils import translation

    application = application_make(call=call, organisation=organisation, user=applicant, **changes)
    with translation.override("nb"), pytest.raises(ApplicationError) as raised:
        application_submit(application=application, user=applicant, now=NOW)
    assert raised.value.field == field
    assert message in raised.value.user_message
    application.refresh_from_db()
    assert (application.status, application.reference) == (Status.DRAFT, "")


def test_a_participant_count_is_not_required(call, organisation, applicant):
    application = application_make(call=call, organisation=organisation, user=applicant, participant_count=None)
    assert application_submit(application=application, user=applicant, now=NOW).status == Status.SUBMITTED


def test_references_count_per_county_and_year(county, other_county, call, organisation, applicant, make_user):
    first = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    second = application_make(call=call, organisation=organisation, user=applicant, submit=True)
    year = timezone.localdate().year
    assert [first.reference, second.reference] == [f"TS-{year}-0001", f"TS-{year}-0002"]
    elsewhere = make_user(Role.APPLICANT, username="annen", county_obj=other_county)
    their_call = call_make(county=other_county)
    theirs = organisation_make(user=elsewhere, municipality="4601")
    assert application_make(call=their_call, organisation=theirs, user=elsewhere, submit=True).reference == (
        f"TS-{year}-0001"
    )


def test_a_late_submission_is_refused_unless_the_caseworker_reopens(county, organisation, applicant):
    call = call_make(county=county, closes_on=datetime.date(2026, 5, 31))
    application = application_make(call=call, organisation=organisation, user=applicant)
    with pytest.raises(ApplicationError):
        application_submit(application=application, user=applicant, now=NOW)
    application_reopen(
        application=application, until=datetime.date(2026, 6, 2), reason="Sykdom", today=datetime.date(2026, 6, 1)
    )
    assert application_submit(application=application, user=applicant, now=NOW).status == Status.SUBMITTED


def test_a_colleague_continues_the_organisations_draft(call, organisation, applicant, make_user, client_for):
    from integrering.grants.applicants.services import organisation_member_add

    application = application_make(call=call, organisation=organisation, user=applicant)
    colleague = make_user(Role.APPLICANT, username="kollega")
    organisation_member_add(organisation=organisation, by=applicant, email="kollega")
    assert client_for(colleague).get(f"/tilskudd/soknader/{application.pk}/steg/2/").status_code == 200


def test_an_applicant_never_reaches_another_organisations_application(
    call, organisation, applicant, make_user, client_for
):
    application = application_make(call=call, organisation=organisation, user=applicant)
    stranger = make_user(Role.APPLICANT, username="fremmed")
    organisation_make(user=stranger, orgnr="938587418")
    client = client_for(stranger)
    for path in (f"/tilskudd/soknader/{application.pk}/", f"/tilskudd/soknader/{application.pk}/steg/1/"):
        assert client.get(path).status_code == 404
    assert client.post(f"/tilskudd/soknader/{application.pk}/").status_code == 404
    assert client.post(f"/tilskudd/soknader/{application.pk}/steg/1/", {"project_title": "Kapret"}).status_code == 404
    application.refresh_from_db()
    assert (application.status, application.project_title) == (Status.DRAFT, "Mentor i jobb")


def test_a_stale_step_saves_nothing(call, organisation, applicant):
    from integrering.core.exceptions import ConcurrentEdit

    application = application_make(call=call, organisation=organisation, user=applicant)
    stale = Application.objects.get(pk=application.pk)
    application_update(application=application, version=application.version, project_title="Ny")
    with pytest.raises(ConcurrentEdit):
        application_update(application=stale, version=stale.version, project_title="Gammel")


def test_an_organisation_of_a_kind_the_scheme_does_not_take_cannot_apply(county, applicant):
    call = call_make(county=county)
    business = organisation_make(user=applicant, kind="business", orgnr="938587418")
    with pytest.raises(ApplicationError):
        application_make(call=call, organisation=business, user=applicant)
