"""Test helpers for guidance (G1): participants made through the services, a CSV builder."""

import datetime

from integrering.guidance import services
from integrering.guidance.imports import COLUMNS
from integrering.municipalities.models import Municipality

D = datetime.date

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
