"""Sector partners: agreements, forums with meetings and minutes, action points on their owner's start page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.core.exceptions import ApplicationError
from integrering.regional.partners.models import ActionPoint
from integrering.regional.partners.services import (
    action_point_add,
    agreement_add,
    forum_create,
    meeting_add,
    partner_create,
)


@pytest.fixture
def forum(county):
    nav = partner_create(county=county, name="NAV Trøndelag", kind="nav")
    return forum_create(county=county, name="Regionalt integreringsforum", partners=[nav])


def test_an_agreement_has_a_period_and_a_purpose(county):
    partner = partner_create(county=county, name="Statsforvalteren i Trøndelag", kind="state_administrator")
    with pytest.raises(ApplicationError):
        agreement_add(
            partner=partner,
            title="Avtale",
            purpose="Samarbeid",
            start=datetime.date(2025, 1, 1),
            end=datetime.date(2024, 1, 1),
        )
    agreement_add(partner=partner, title="Avtale", purpose="Samarbeid om bosetting", start=datetime.date(2025, 1, 1))
    assert partner.agreements.count() == 1


def test_an_open_action_point_shows_on_its_owners_start_page_until_done(client_for, adviser, forum):
    meeting = meeting_add(forum=forum, date=datetime.date(2025, 2, 1))
    point = action_point_add(
        meeting=meeting, description="Kartlegge behov for tolk", owner=adviser, due_date=datetime.date(2025, 3, 1)
    )
    client = client_for(adviser)
    assert "Kartlegge behov for tolk" in client.get("/").content.decode()
    response = client.post(
        f"/regionalt/forum/oppfolgingspunkter/{point.pk}/status/", {"status": "done", "version": point.version}
    )
    assert response.status_code == 302
    assert ActionPoint.objects.get().status == "done"
    assert "Kartlegge behov for tolk" not in client.get("/").content.decode()


def test_minutes_are_uploaded_checked_and_downloaded(client_for, adviser, forum, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(adviser)
    minutes = SimpleUploadedFile("referat.pdf", b"%PDF-1.4 referat", content_type="application/pdf")
    client.post(f"/regionalt/forum/{forum.pk}/moter/", {"date": "2025-02-01", "minutes": minutes})
    meeting = forum.meetings.get()
    response = client.get(f"/regionalt/forum/moter/{meeting.pk}/referat/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 referat"
    fake = SimpleUploadedFile("referat.pdf", b"not a pdf", content_type="application/pdf")
    client.post(f"/regionalt/forum/{forum.pk}/moter/", {"date": "2025-03-01", "minutes": fake})
    assert forum.meetings.count() == 1


def test_the_forum_page_has_no_duplicate_ids_however_many_meetings(client_for, adviser, forum):
    from collections import Counter
    from html.parser import HTMLParser

    for day in (1, 2, 3):
        meeting = meeting_add(forum=forum, date=datetime.date(2025, 2, day))
        action_point_add(meeting=meeting, description="Tolk", owner=adviser, due_date=datetime.date(2025, 3, day))

    class Ids(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids: Counter = Counter()

        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name == "id":
                    self.ids[value] += 1

    parser = Ids()
    response = client_for(adviser).get(f"/regionalt/forum/{forum.pk}/")
    assert response.status_code == 200
    parser.feed(response.content.decode())
    assert parser.ids[f"id_mote{meeting.pk}_description"] == 1
    assert [i for i, n in parser.ids.items() if n > 1] == []
    # The forms keep their field names: adding an action point still works from any meeting's form.
    posted = client_for(adviser).post(
        f"/regionalt/forum/moter/{meeting.pk}/oppfolgingspunkter/",
        {"description": "Ny", "owner": adviser.pk, "due_date": "2025-04-01"},
    )
    assert posted.status_code == 302
    assert ActionPoint.objects.filter(description="Ny", meeting=meeting).exists()
