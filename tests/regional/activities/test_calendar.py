"""The calendar page and each user's ICS feed of planned activities at a secret, renewable address."""

import datetime

from django.utils import timezone

from integrering.core.roles import Role
from integrering.regional.activities.calendar import feed_for
from integrering.regional.activities.services import activity_create


def _planned(county, adviser, title, days=10):
    return activity_create(
        county=county,
        user=adviser,
        areas=[2],
        title=title,
        activity_type="course",
        start_date=timezone.localdate() + datetime.timedelta(days=days),
        place="Steinkjer, rådhuset",
        advisers=[adviser],
    )


def test_the_calendar_shows_the_months_activities(client_for, adviser, county):
    activity = _planned(county, adviser, "Kurs i kalenderen")
    month = activity.start_date.strftime("%Y-%m")
    page = client_for(adviser).get(f"/regionalt/kalender/?maaned={month}").content.decode()
    assert "Kurs i kalenderen" in page
    assert "/regionalt/kalender/" in page and ".ics" in page


def test_the_feed_has_the_users_planned_activities_only(client, adviser, make_user, county):
    _planned(county, adviser, "Mitt kurs")
    other = make_user(Role.ADVISER, username="annen")
    _planned(county, other, "Andres kurs")
    response = client.get(f"/regionalt/kalender/{feed_for(adviser).token}.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Mitt kurs" in body and "Andres kurs" not in body
    assert "LOCATION:Steinkjer\\, rådhuset" in body
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")


def test_a_renewed_address_replaces_the_old_one(client_for, client, adviser):
    old = feed_for(adviser).token
    client_for(adviser).post("/regionalt/kalender/ny-adresse/")
    new = feed_for(adviser).token
    client.logout()
    assert new != old
    assert client.get(f"/regionalt/kalender/{old}.ics").status_code == 404
    assert client.get(f"/regionalt/kalender/{new}.ics").status_code == 200


def test_a_deactivated_user_has_no_feed(client, adviser):
    token = feed_for(adviser).token
    adviser.is_active = False
    adviser.save()
    assert client.get(f"/regionalt/kalender/{token}.ics").status_code == 404
