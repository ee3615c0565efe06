"""Test helpers for guidance: participants made through the services, dates relative to today, a CSV builder."""

import datetime

from django.utils import timezone

from integrering.core.models import PersonalDataAccess
from integrering.guidance.cases.models import GuidanceCase
from integrering.guidance.participants import services
from integrering.guidance.participants.imports import COLUMNS
from integrering.municipalities.models import Municipality

D = datetime.date
TODAY = timezone.localdate()
FNR = "17059010182"  # synthetic: birth date 17.05.1990 (BASE_FACTS'), valid check digits

#: A participant in the target group, settled 1 March 2021, with nothing else registered.
BASE_FACTS = {
    "name": "Testperson Fiktiv",
    "birth_date": D(1990, 5, 17),
    "permit_category": "flyktning",
    "permit_date": D(2021, 1, 10),
    "settlement_date": D(2021, 3, 1),
    "settled_by_agreement": True,
    "education_level": "grunnskole",
}


def participant_make(county, *, reference="R1", municipality="5001", **facts):
    values = BASE_FACTS | facts
    return services.participant_create(
        county=county, municipality=Municipality.objects.get(number=municipality), reference=reference, **values
    )


def csv_text(rows: list[dict], *, delimiter=";", columns=COLUMNS, bom=False) -> bytes:
    lines = [delimiter.join(columns)]
    for row in rows:
        lines.append(delimiter.join(str(row.get(c, "")) for c in columns))
    text = "\n".join(lines) + "\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


def list_reads(user) -> list[PersonalDataAccess]:
    """The lists ``user`` was shown (one logged read per list page), oldest first."""
    return list(PersonalDataAccess.objects.filter(user=user, action="list").order_by("pk"))


def case_of(participant) -> GuidanceCase:
    return GuidanceCase.objects.get(participant=participant)
