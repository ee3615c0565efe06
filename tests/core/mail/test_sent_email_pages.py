"""Administrasjon → E-post: the county's sent e-mail, for its administrators only, every read logged."""

import datetime
from html import escape

import pytest
from django.core import mail
from django.utils import timezone

from integrering.core.mail.errors import MailNotSent
from integrering.core.mail.models import SentEmail
from integrering.core.mail.services import mail_send
from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from tests.pages import without_tokens

pytestmark = pytest.mark.django_db


def send(*, county, to="mottaker@example.org", related=None):
    context = {"requested_by": "Admin", "requested_at": timezone.now()}
    return mail_send(to=to, template="test", context=context, county=county, related=related)


def test_the_administrator_sees_the_countys_messages_and_not_another_countys(
    county, other_county, county_admin, client_for
):
    send(county=county, to="var@example.org")
    send(county=other_county, to="deres@example.org")
    send(county=None, to="ingen@example.org")
    page = client_for(county_admin).get("/admin/e-post/").content.decode()
    assert "var@example.org" in page and "Prøve-e-post fra Integrering" in page and "Sendt" in page
    assert "deres@example.org" not in page and "ingen@example.org" not in page


@pytest.mark.parametrize("role", [Role.ADVISER, Role.AUDITOR, Role.LEADER, Role.MUNICIPAL_USER])
def test_nobody_but_an_administrator_may_open_the_list_or_send_a_test(role, make_user, client_for, county):
    user = make_user(role, username="andre", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    record = send(county=county)
    client = client_for(user)
    assert client.get("/admin/e-post/").status_code == 403
    assert client.get(f"/admin/e-post/{record.pk}/").status_code == 403
    assert client.post("/admin/e-post/test/").status_code == 403
    assert len(mail.outbox) == 1


def test_the_list_filters_by_status_and_date(county, county_admin, client_for, settings):
    sent = send(county=county, to="sendt@example.org")
    old = send(county=county, to="gammel@example.org")
    settings.EMAIL_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"
    with pytest.raises(MailNotSent):
        send(county=county, to="feilet@example.org")
    SentEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    client = client_for(county_admin)
    failed = client.get("/admin/e-post/?status=failed").context["emails"]
    assert [e.to for e in failed] == ["feilet@example.org"]
    page = client.get("/admin/e-post/?status=failed").content.decode()
    assert "Ikke sendt" in page and "E-post er ikke satt opp på denne installasjonen." in page
    today = timezone.localdate().isoformat()
    recent = client.get(f"/admin/e-post/?date_from={today}&date_to={today}").context["emails"]
    assert {e.to for e in recent} == {"sendt@example.org", "feilet@example.org"}
    assert sent.pk in {e.pk for e in recent}


def test_a_date_range_that_ends_before_it_starts_is_a_form_error_not_a_500(county_admin, client_for):
    response = client_for(county_admin).get("/admin/e-post/?date_from=2026-02-01&date_to=2026-01-01")
    assert response.status_code == 200
    assert "Til-datoen må være lik eller senere" in response.content.decode()


def test_an_unknown_status_is_a_form_error(county_admin, client_for):
    response = client_for(county_admin).get("/admin/e-post/?status=slettet")
    assert response.status_code == 200 and response.context["form"].errors["status"]


def test_reading_the_list_and_a_message_is_logged_and_never_cached(county, county_admin, adviser, client_for):
    first = send(county=county, related=adviser)
    second = send(county=county, related=adviser, to="andre@example.org")
    client = client_for(county_admin)
    listing = client.get("/admin/e-post/")
    detail = client.get(f"/admin/e-post/{first.pk}/")
    for response in (listing, detail):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    reads = list(PersonalDataAccess.objects.filter(record_type="sentemail").order_by("at", "pk"))
    assert [(r.action, r.record_ids) for r in reads] == [
        ("list", sorted([first.pk, second.pk])),
        ("view", sorted([first.pk, second.pk])),
    ]
    assert all(r.user == county_admin and r.county == county for r in reads)


def test_an_empty_list_logs_no_read(county_admin, client_for):
    client_for(county_admin).get("/admin/e-post/")
    assert not PersonalDataAccess.objects.exists()


def test_a_message_shows_what_was_sent_and_every_message_about_the_same_record(
    county, county_admin, adviser, client_for
):
    first = send(county=county, related=adviser, to="forste@example.org")
    send(county=county, related=adviser, to="andre@example.org")
    send(county=county, related=county_admin, to="annen.post@example.org")
    page = client_for(county_admin).get(f"/admin/e-post/{first.pk}/").content.decode()
    assert "forste@example.org" in page and "andre@example.org" in page
    assert "annen.post@example.org" not in page
    assert f"Bruker {adviser.pk}" in page and "requested_at, requested_by" in page and escape(first.message_id) in page
    assert "<dd>Norsk bokmål</dd>" in page and "Teksten i meldingen lagres ikke" in page


def test_another_countys_message_is_not_found(other_county, county_admin, client_for):
    theirs = send(county=other_county)
    assert client_for(county_admin).get(f"/admin/e-post/{theirs.pk}/").status_code == 404


def test_the_administrator_sends_a_test_message_to_their_own_address(county, county_admin, client_for):
    response = client_for(county_admin).post("/admin/e-post/test/", follow=True)
    [message] = mail.outbox
    assert message.to == [county_admin.email] and "bestilt av Admin" in message.body
    record = SentEmail.objects.get()
    assert record.county == county and record.related == county_admin and record.status == "sent"
    assert f"En prøve-e-post ble sendt til {county_admin.email}." in response.content.decode()


def test_a_test_message_that_fails_says_why_and_is_listed_as_not_sent(county_admin, client_for, settings):
    settings.EMAIL_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"
    response = client_for(county_admin).post("/admin/e-post/test/", follow=True)
    page = response.content.decode()
    assert "E-posten ble ikke sendt: E-post er ikke satt opp på denne installasjonen." in page
    assert SentEmail.objects.get().status == SentEmail.Status.FAILED


def test_an_administrator_without_an_address_is_told_to_add_one(county_admin, client_for):
    county_admin.email = ""
    county_admin.save()
    response = client_for(county_admin).post("/admin/e-post/test/", follow=True)
    assert "Du har ingen e-postadresse" in without_tokens(response.content.decode())
    assert not mail.outbox and not SentEmail.objects.exists()


def test_the_test_message_is_sent_only_by_post(county_admin, client_for):
    assert client_for(county_admin).get("/admin/e-post/test/").status_code == 405
    assert not mail.outbox


def test_the_navigation_shows_sent_e_mail_to_administrators_only(county_admin, adviser, client_for, client):
    assert 'href="/admin/e-post/"' in client_for(county_admin).get("/").content.decode()
    client.logout()
    assert 'href="/admin/e-post/"' not in client_for(adviser).get("/").content.decode()
