"""Demo participants in Trondheim and Steinkjer: fictitious names, synthetic birth dates, no identity numbers.

Together they show every kind of finding of the 2021 rules, a referral waiting in the counsellor's queue,
a booked case, completed guidance cases and a § 30 enrolment. Idempotent: a participant whose reference
exists is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from integrering.core.models import User
from integrering.guidance.cases.services import case_book, case_complete, case_session_add, referral_create
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.services import participant_create
from integrering.guidance.training.services import training_enrol
from integrering.municipalities.models import Municipality

D = datetime.date
DAY = datetime.timedelta(days=1)


def _good(settled: datetime.date, born: datetime.date) -> dict:
    """A case where everything is in order: mapping → guidance → decision → start, all in time."""
    return {
        "birth_date": born,
        "permit_category": "flyktning",
        "permit_date": settled - 60 * DAY,
        "settlement_date": settled,
        "settled_by_agreement": True,
        "education_level": "grunnskole",
        "language": "tigrinja",
        "interpreter_needed": True,
        "mapping_date": settled + 10 * DAY,
        "decision_date": settled + 60 * DAY,
        "programme_start": settled + 75 * DAY,
        "end_goal": "videregaende",
        "planned_duration_months": 24,
        "full_time_upper_secondary": False,
    }


def _participants(today: datetime.date) -> list[tuple[str, str, str, dict, datetime.date | None]]:
    """(reference, municipality, name, facts, guidance completed on) — facts override a good case."""
    s = D(2022, 1, 15)
    recent = today - 120 * DAY
    return [
        ("DEMO-01", "5001", "Amina Eksempel", {}, s + 30 * DAY),
        ("DEMO-02", "5001", "Yusuf Eksempel", {"birth_date": D(1962, 2, 28)}, None),  # OUTSIDE_TARGET_GROUP_AGE
        ("DEMO-03", "5006", "Olena Prøve", {"permit_category": "annen"}, None),  # OUTSIDE_TARGET_GROUP_PERMIT
        ("DEMO-04", "5001", "Tesfay Prøve", {"settled_by_agreement": False}, None),  # NOT_SETTLED_BY_AGREEMENT
        (
            "DEMO-05",
            "5001",
            "Mariam Tenkt",
            {"decision_date": s + 740 * DAY, "programme_start": s + 750 * DAY},
            s + 30 * DAY,
        ),  # TWO_YEAR_LIMIT_PASSED, DECISION_OVERDUE, START_OVERDUE
        ("DEMO-06", "5006", "Ahmad Tenkt", {"mapping_date": None}, None),  # MAPPING_MISSING, GUIDANCE_MISSING
        ("DEMO-07", "5001", "Hana Oppdiktet", {"mapping_date": s + 40 * DAY}, s + 30 * DAY),  # GUIDANCE_BEFORE_MAPPING
        ("DEMO-08", "5001", "Dawit Oppdiktet", {"mapping_date": s + 62 * DAY}, s + 70 * DAY),
        # ↑ DECISION_BEFORE_MAPPING, DECISION_BEFORE_GUIDANCE
        (
            "DEMO-09",
            "5001",
            "Samira Fiktiv",
            {
                "settlement_date": recent,
                "permit_date": recent - 60 * DAY,
                "mapping_date": recent + 10 * DAY,
                "decision_date": None,
                "programme_start": None,
                "end_goal": "",
                "planned_duration_months": None,
            },
            None,
        ),  # DECISION_OVERDUE; referred, waiting in the queue
        ("DEMO-10", "5006", "Rahel Fiktiv", {"programme_start": s + 150 * DAY}, s + 30 * DAY),  # START_OVERDUE
        (
            "DEMO-11",
            "5001",
            "Omar Påfunn",
            {"education_level": "videregaende", "end_goal": "arbeid", "planned_duration_months": 2},
            s + 30 * DAY,
        ),  # DURATION_BELOW_MINIMUM
        (
            "DEMO-12",
            "5001",
            "Leila Påfunn",
            {"education_level": "hoyere", "end_goal": "arbeid", "planned_duration_months": 9, "extension_months": 8},
            s + 30 * DAY,
        ),
        # ↑ DURATION_ABOVE_MAXIMUM, EXTENSION_ABOVE_MAXIMUM
        (
            "DEMO-13",
            "5001",
            "Nour Diktet",
            {"birth_date": D(2001, 9, 9), "end_goal": "arbeid", "planned_duration_months": 12},
            s + 30 * DAY,
        ),
        # ↑ UNDER_25_END_GOAL_NOT_UPPER_SECONDARY
        (
            "DEMO-14",
            "5006",
            "Yonas Diktet",
            {"birth_date": D(2002, 3, 1), "full_time_upper_secondary": True},
            s + 30 * DAY,
        ),  # COUNTY_NORWEGIAN_TRAINING, with a § 30 enrolment
        (
            "DEMO-15",
            "5001",
            "Fatima Skapt",
            {
                "settlement_date": today - 20 * DAY,
                "permit_date": today - 80 * DAY,
                "mapping_date": today - 15 * DAY,
                "decision_date": None,
                "programme_start": None,
            },
            None,
        ),  # referred and booked
    ]


def _at_nine(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def load(*, county, stdout) -> None:
    today = timezone.localdate()
    counsellor = User.objects.filter(username="veileder").first()
    municipal = {m: User.objects.filter(username=f"kommune{m}").first() for m in ("5001", "5006")}
    made = 0
    with transaction.atomic():
        for reference, number, name, overrides, guided_on in _participants(today):
            if Participant.objects.filter(county=county, reference=reference).exists():
                continue
            municipality = Municipality.objects.get(number=number)
            facts = _good(D(2022, 1, 15), D(1992, 6, 3)) | overrides
            participant = participant_create(
                county=county, municipality=municipality, reference=reference, name=name, **facts
            )
            made += 1
            if guided_on is not None:
                # Referred soon after the mapping (or after settlement where the mapping is missing).
                anchor = participant.mapping_date or participant.settlement_date or guided_on  # demo people are settled
                referred_on = min(anchor, guided_on - 9 * DAY) + DAY
                referral_create(
                    participant=participant,
                    user=municipal[number],
                    mapping_date=participant.mapping_date,
                    referred_at=_at_nine(referred_on),
                )
                case = participant.guidance_case
                case_book(case=case, booked_for=guided_on - 7 * DAY, counsellor=counsellor)
                case_session_add(
                    case=case,
                    date=guided_on - 7 * DAY,
                    minutes=60,
                    interpreter_used=True,
                    interpreter_language="tigrinja",
                    mode="in_person",
                )
                case_session_add(case=case, date=guided_on, minutes=45, mode="remote")
                case_complete(
                    case=case,
                    completed_on=guided_on,
                    recommendation="education",
                    note="Anbefalt videregående opplæring (fiktivt eksempel).",
                )
            elif reference in ("DEMO-09", "DEMO-15"):
                referral_create(
                    participant=participant,
                    user=municipal[number],
                    mapping_date=participant.mapping_date,
                    note="Fiktiv henvisning.",
                )
                if reference == "DEMO-15":
                    case_book(
                        case=participant.guidance_case,
                        booked_for=today + 7 * DAY,
                        booked_time=datetime.time(10, 0),
                        address="Karrieresenteret, Kongens gate 1, Trondheim",
                        interpreter_needed=True,
                        interpreter_language="Tigrinja",
                        counsellor=counsellor,
                    )
            if reference == "DEMO-14":
                training_enrol(
                    participant=participant,
                    school="Steinkjer videregående skole",
                    target_level="B1",
                    start=D(2022, 8, 17),
                    hours_planned=300,
                )
    stdout.write(f"Karriereveiledning: {made} fiktive deltakere lagt inn.\n")
