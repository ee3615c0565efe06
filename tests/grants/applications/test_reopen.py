"""Issue 12 §4: a late submission is refused unless the caseworker reopens the draft — with a new last day and a
reason, in the audit log, and the organisation told by e-mail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.utils import timezone

from integrering.core.roles import Role
from integrering.grants.models import Application, Status
from tests.grants.factories import application_make, call_make, organisation_make


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def organisation(applicant):
    return organisation_make(user=applicant)


@pytest.fixture
def closed_call(county):
    """A call whose deadline was yesterday."""
    today = timezone.localdate()
    return call_make(
        county=county,
        year=today.year,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )


@pytest.fixture
def late_draft(closed_call, organisation, applicant):
    return application_make(call=closed_call, organisation=organisation, user=applicant)


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.GRANT_CASEWORKER, username="tilskudd")


def test_the_call_page_lists_late_drafts_and_the_caseworker_reopens_one(
    closed_call, late_draft, caseworker, applicant, client_for, django_capture_on_commit_callbacks
):
    client = client_for(caseworker)
    page = client.get(f"/tilskudd/ordninger/utlysninger/{closed_call.pk}/").content.decode()
    assert f"/tilskudd/ordninger/utkast/{late_draft.pk}/gjenapne/" in page
    until = timezone.localdate() + datetime.timedelta(days=7)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/tilskudd/ordninger/utkast/{late_draft.pk}/gjenapne/",
            {"until": until.isoformat(), "reason": "Søkeren var syk ved fristen."},
        )
    assert response.status_code == 302
    late_draft.refresh_from_db()
    assert (late_draft.late_until, late_draft.reopen_reason) == (until, "Søkeren var syk ved fristen.")
    entry = LogEntry.objects.get_for_object(late_draft).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == caseworker and "reopen_reason" in entry.changes_dict
    [message] = mail.outbox
    assert message.to == ["post@example.org"] and "kan sendes inn etter fristen" in message.subject
    # The organisation can now submit after the deadline.
    response = client_for(applicant).post(f"/tilskudd/soknader/{late_draft.pk}/")
    late_draft.refresh_from_db()
    assert late_draft.status == Status.SUBMITTED


@pytest.mark.parametrize(
    "data,message",
    [
        ({"until": "2020-01-01", "reason": "Syk"}, "kan ikke være passert"),
        ({"until": "", "reason": "Syk"}, "REQUIRED"),
        ({"until": "TOMORROW", "reason": ""}, "REQUIRED"),
        ({"until": "ikke en dato", "reason": "Syk"}, "gyldig dato"),
    ],
)
def test_a_reopening_without_a_reason_or_with_a_past_day_is_refused(late_draft, caseworker, client_for, data, message):
    if data["until"] == "TOMORROW":
        data = data | {"until": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}
    response = client_for(caseworker).post(f"/tilskudd/ordninger/utkast/{late_draft.pk}/gjenapne/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body if message != "REQUIRED" else ("påkrevd" in body or "påkrevet" in body)
    late_draft.refresh_from_db()
    assert late_draft.late_until is None


def test_only_a_draft_of_the_callers_county_can_be_reopened(
    late_draft, caseworker, client_for, make_user, other_county, applicant
):
    other = make_user(Role.GRANT_CASEWORKER, username="annen", county_obj=other_county)
    assert client_for(other).get(f"/tilskudd/ordninger/utkast/{late_draft.pk}/gjenapne/").status_code == 404
    Application.objects.filter(pk=late_draft.pk).update(status=Status.SUBMITTED, reference="TS-2026-0009")
    assert client_for(caseworker).get(f"/tilskudd/ordninger/utkast/{late_draft.pk}/gjenapne/").status_code == 404
