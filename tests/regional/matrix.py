"""Records behind the regional app's <pk> routes, for the authorisation matrix (tests/core/test_authorisation.py)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.municipalities.models import Municipality
from integrering.regional.activities.services import activity_create, attachment_add, follow_up_add
from integrering.regional.areas import Area
from integrering.regional.models import GuidanceRequest
from integrering.regional.organisations.numbers import fictional_orgnr
from integrering.regional.organisations.services import contact_add, organisation_create
from integrering.regional.partners.services import action_point_add, forum_create, meeting_add, partner_create

OBJECT_ROUTES = [
    (r"^regionalt/aktiviteter/oppfolging/<int:pk>/", "regional_follow_up"),
    (r"^regionalt/aktiviteter/vedlegg/<int:pk>/", "regional_attachment"),
    (r"^regionalt/aktiviteter/<int:pk>/", "regional_activity"),
    (r"^regionalt/veiledning/(kommunen/)?<int:pk>/", "regional_request"),
    (r"^regionalt/organisasjoner/kontakter/<int:pk>/", "regional_contact"),
    (r"^regionalt/organisasjoner/<int:pk>/", "regional_organisation"),
    (r"^regionalt/partnere/<int:pk>/", "regional_partner"),
    (r"^regionalt/forum/moter/<int:pk>/", "regional_meeting"),
    (r"^regionalt/forum/oppfolgingspunkter/<int:pk>/", "regional_action_point"),
    (r"^regionalt/forum/<int:pk>/", "regional_forum"),
]


def regional_records(*, county, adviser) -> dict[str, int]:
    """An activity with a follow-up action and an attachment (set MEDIA_ROOT to a temporary folder first)."""
    activity = activity_create(
        county=county,
        user=adviser,
        areas=[Area.GUIDANCE],
        title="Matrise",
        activity_type="course",
        start_date=datetime.date(2025, 1, 1),
    )
    action = follow_up_add(activity=activity, description="Referat", owner=adviser, due_date=datetime.date(2025, 2, 1))
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4", content_type="application/pdf")
    attachment = attachment_add(activity=activity, upload=upload, name="Agenda", user=adviser)
    request = GuidanceRequest.objects.create(
        county=county,
        municipality=Municipality.objects.get(number="5001"),
        topic="other",
        description="Matrise",
    )
    organisation = organisation_create(county=county, orgnr=fictional_orgnr(1, start=98_000_000), name="Matriselaget")
    contact = contact_add(organisation=organisation, name="Kari Kontakt")
    partner = partner_create(county=county, name="NAV", kind="nav")
    forum = forum_create(county=county, name="Forum", partners=[partner])
    minutes = SimpleUploadedFile("referat.pdf", b"%PDF-1.4", content_type="application/pdf")
    meeting = meeting_add(forum=forum, date=datetime.date(2025, 1, 1), minutes=minutes)
    point = action_point_add(meeting=meeting, description="Punkt", owner=adviser, due_date=datetime.date(2025, 2, 1))
    return {
        "regional_partner": partner.pk,
        "regional_forum": forum.pk,
        "regional_meeting": meeting.pk,
        "regional_action_point": point.pk,
        "regional_organisation": organisation.pk,
        "regional_contact": contact.pk,
        "regional_request": request.pk,
        "regional_activity": activity.pk,
        "regional_follow_up": action.pk,
        "regional_attachment": attachment.pk,
    }
