"""Demo data of regional work in Trøndelag: a year of activities in areas 2, 3, 4 and 6 across most municipalities,
guidance requests in every status, 45 voluntary organisations with fictional organisation numbers (valid check
digits, from 99…), partners with a forum, meetings and open action points. Counts only, never persons.

Deterministic (a fixed seed, dates relative to today) and idempotent: a part whose records exist is left alone.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.models import User
from integrering.core.registry import GRANT_KIND, linkable_kind
from integrering.municipalities.models import Municipality
from integrering.regional.activities.models import Activity, ActivityStatus
from integrering.regional.activities.services import (
    activity_create,
    activity_status_change,
    activity_update,
    follow_up_add,
)
from integrering.regional.areas import PARTICIPANT_SECTORS, Area
from integrering.regional.organisations.models import Organisation
from integrering.regional.organisations.numbers import fictional_orgnr
from integrering.regional.partners.models import Forum, Partner
from integrering.regional.partners.services import (
    action_point_add,
    agreement_add,
    forum_create,
    meeting_add,
    partner_create,
)
from integrering.regional.requests.models import GuidanceRequest, RequestStatus
from integrering.regional.requests.services import request_activity_create, request_decline

DAY = datetime.timedelta(days=1)
SEED = 13

ORGANISATION_KINDS = [
    ("Røde Kors", "FLI", True),
    ("Frivilligsentral", "FLI", True),
    ("Idrettslag", "FLI", True),
    ("Norsk Folkehjelp", "FLI", True),
    ("Leksehjelp", "FLI", False),
    ("Kvinnenettverk", "FLI", True),
    ("Flerkulturelle forening", "FLI", True),
    ("Stiftelsen Inkludering", "STI", False),
    ("Sanitetsforening", "FLI", True),
]

# (title, type, areas, topics)
ACTIVITIES = [
    ("Nettverkssamling for flyktningtjenesten", "network_meeting", [2], []),
    ("Veiledningsbesøk om introduksjonsprogrammet", "guidance_visit", [2], []),
    ("Kurs i kompetansekartlegging", "course", [2, 7], []),
    ("Konferanse: Sjef i eget liv", "conference", [3], ["negative_social_control", "honour_related_violence"]),
    ("Kurs for skoleansatte om tvangsekteskap", "course", [3], ["forced_marriage", "involuntary_stay_abroad"]),
    ("Dialogmøte om kjønnslemlestelse", "dialogue_meeting", [3], ["female_genital_mutilation"]),
    ("Frivillighetsforum", "network_meeting", [4], []),
    ("Inspirasjonsdag for frivillige organisasjoner", "conference", [4], []),
    ("Møte i det regionale integreringsforumet", "partner_meeting", [6], []),
    ("Samarbeidsmøte med NAV om kvalifisering", "partner_meeting", [6, 2], []),
    ("Kompetanseprogram for ledere i kommunene", "competence_programme", [2], []),
    ("Kampanje mot negativ sosial kontroll", "campaign", [3], ["negative_social_control"]),
]


def load(*, county: Any, stdout: Any) -> None:
    today = timezone.localdate()
    rng = random.Random(SEED)
    municipalities = list(Municipality.objects.for_county(county).valid_in(today.year).order_by("number"))
    staff = {u.username: u for u in User.objects.filter(county=county, username__in=["radgiver", "admin", "leder"])}
    adviser = staff.get("radgiver") or staff.get("admin")
    if adviser is None or not municipalities:
        return
    with transaction.atomic():
        organisations = _organisations(county, municipalities, rng)
        partners = _partners(county, adviser, staff.get("admin") or adviser, today)
        if not Activity.objects.for_county(county).exists():
            _activities(county, adviser, municipalities, organisations, partners, rng, today)
            _requests(county, adviser, today)
            _grant_links(county)
    stdout.write(_("Regional work: activities, guidance requests, organisations and partners."))


def _organisations(county, municipalities, rng) -> list[Organisation]:
    made = []
    for i in range(45):
        municipality = municipalities[(i * 7) % len(municipalities)]
        kind, form, voluntary = ORGANISATION_KINDS[i % len(ORGANISATION_KINDS)]
        place = municipality.norwegian_name.split(" - ")[-1]
        organisation, _created = Organisation.objects.get_or_create(
            county=county,
            orgnr=fictional_orgnr(i + 1),
            defaults={
                "name": f"{place} {kind}",
                "form_code": form,
                "municipality": municipality,
                "in_voluntary_register": voluntary,
                "active": i % 15 != 14,
                "bankrupt_or_winding_up": i % 15 == 14,
                "from_register": True,
            },
        )
        made.append(organisation)
    return made


def _partners(county, adviser, admin, today) -> list[Partner]:
    existing = list(Partner.objects.for_county(county))
    if existing:
        return existing
    partners = [
        partner_create(county=county, name=name, kind=kind)
        for name, kind in [
            ("Statsforvalteren i Trøndelag", "state_administrator"),
            ("NAV Trøndelag", "nav"),
            ("IMDi Midt-Norge", "imdi"),
            ("Bufetat region Midt-Norge", "bufetat"),
            ("Trøndelag politidistrikt", "police"),
            ("RVTS Midt", "rvts"),
            ("NTNU", "university"),
        ]
    ]
    agreement_add(
        partner=partners[1],
        title="Samarbeidsavtale om kvalifisering",
        purpose="Felles innsats for at flere deltakere i introduksjonsprogrammet går over til arbeid eller utdanning.",
        start=datetime.date(today.year - 1, 1, 1),
        end=datetime.date(today.year + 2, 12, 31),
    )
    if not Forum.objects.for_county(county).exists():
        forum = forum_create(
            county=county,
            name="Regionalt integreringsforum Trøndelag",
            purpose="Samordning mellom fylkeskommunen og de regionale statsetatene.",
            partners=partners[:4],
        )
        past = meeting_add(forum=forum, date=today - 60 * DAY)
        meeting_add(forum=forum, date=today + 30 * DAY)
        for text, owner, due in [
            ("Felles oversikt over kommunenes behov for norskopplæring", adviser, today + 14 * DAY),
            ("Invitere politiet til nettverkssamling om negativ sosial kontroll", adviser, today - 5 * DAY),
            ("Oppdatere samarbeidsavtalen med NAV", admin, today + 45 * DAY),
        ]:
            action_point_add(meeting=past, description=text, owner=owner, due_date=due)
    return partners


def _activities(county, adviser, municipalities, organisations, partners, rng, today) -> None:
    for i in range(72):
        title, kind, areas, topics = ACTIVITIES[i % len(ACTIVITIES)]
        start = today - (340 - i * 5) * DAY
        reached = rng.sample(municipalities, k=rng.randint(1, 4))
        counts = {field: rng.choice([0, 0, 2, 4, 8, 12]) for field, _label in PARTICIPANT_SECTORS}
        activity = activity_create(
            county=county,
            user=adviser,
            areas=areas,
            title=title,
            activity_type=kind,
            start_date=start,
            place="Digitalt" if i % 5 == 0 else reached[0].norwegian_name.split(" - ")[-1],
            digital=i % 5 == 0,
            topics=topics,
            target_groups=["municipal_staff"] if Area.GUIDANCE in areas else ["voluntary"],
            municipalities=reached,
            advisers=[adviser],
            organisations=rng.sample(organisations, k=2) if Area.VOLUNTARY in areas else [],
            partners=rng.sample(partners, k=2) if Area.SECTOR in areas else [],
            **counts,
        )
        if start < today:
            activity_status_change(activity=activity, status=ActivityStatus.DONE)
            if i % 3 == 0:
                activity_status_change(
                    activity=activity, status=ActivityStatus.FOLLOWED_UP, evaluation="God deltakelse; tema følges opp."
                )
            elif i % 4 == 1:
                follow_up_add(
                    activity=activity, description="Sende ut presentasjonen", owner=adviser, due_date=start + 14 * DAY
                )


def _grant_links(county) -> None:
    """A few area-4 activities funded by one of the county's awarded grants (when the grants app offers them)."""
    kind = linkable_kind(GRANT_KIND)
    grants = [pk for pk, _label in kind.options(county=county)] if kind is not None else []
    if not grants:
        return
    voluntary = Activity.objects.for_county(county).filter(area_rows__area=Area.VOLUNTARY).order_by("start_date")
    for activity, grant_id in zip(voluntary[:3], grants, strict=False):
        activity_update(activity=activity, areas=activity.area_numbers, version=activity.version, grant_id=grant_id)


def _requests(county, adviser, today) -> None:
    users = {
        number: user
        for user in User.objects.filter(county=county, municipality__isnull=False).select_related("municipality")
        if (number := getattr(user.municipality, "number", None))
    }
    specs = [
        ("5001", "introduction_programme", RequestStatus.RECEIVED),
        ("5006", "negative_social_control", RequestStatus.RECEIVED),
        ("5001", "career_guidance", RequestStatus.PLANNED),
        ("5006", "voluntary_sector", RequestStatus.DONE),
        ("5001", "settlement", RequestStatus.DONE),
        ("5006", "other", RequestStatus.DECLINED),
    ]
    for number, topic, status in specs:
        municipality = Municipality.objects.get(number=number)
        request = GuidanceRequest.objects.create(
            county=county,
            municipality=municipality,
            topic=topic,
            description="Kommunen ønsker veiledning og et møte med fylkeskommunen.",
            preferred_dates="I løpet av de neste to månedene",
            requested_by=users.get(number),
        )
        if status == RequestStatus.DECLINED:
            request_decline(request=request, reason="Dette dekkes av IMDis veiledning; vi har satt dere i kontakt.")
        elif status in (RequestStatus.PLANNED, RequestStatus.DONE):
            activity = request_activity_create(
                request=request,
                user=adviser,
                areas=[Area.GUIDANCE],
                title=_("Guidance: %(topic)s") % {"topic": request.get_topic_display()},
                activity_type="guidance_visit",
                start_date=today + 20 * DAY if status == RequestStatus.PLANNED else today - 20 * DAY,
                advisers=[adviser],
                participants_municipal_staff=6,
            )
            if status == RequestStatus.DONE:
                activity_status_change(activity=activity, status=ActivityStatus.DONE)
