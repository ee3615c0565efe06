"""The export of the participant register for a municipality (CSV or XLSX), written through ``integrering.tabular``.

    PARTICIPANT_HEADER                                              # the columns, named as the import names them
    participant_rows(participants) -> Iterator[list]               # one row per participant
    participants_export(*, participants, fmt, user=None, county=None, description) -> (bytes, count)

The rows hold what a municipality needs to follow its participants up (no identity number: it is never exported).
Text cells that look like formulas are written as text (``tabular.safety``), numbers as numbers. The export is
personal data: ``participants_export`` logs it as an export of the participants in it (by ``user``, or from the
command line for ``county``), in the same transaction as it reads them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_read_log
from integrering.guidance.participants.models import Participant
from integrering.tabular import Sheet, write_csv, write_xlsx

PARTICIPANT_HEADER = [
    "kommunenummer",
    "kommune",
    "referanse",
    "navn",
    "fodselsdato",
    "duf_nummer",
    "tillatelse",
    "tillatelsesdato",
    "bosettingsdato",
    "bosatt_etter_avtale",
    "utdanningsniva",
    "sprak",
    "tolk",
    "kartlagt_dato",
    "vedtak_dato",
    "programstart",
    "sluttmal",
    "varighet_mnd",
    "forlengelse_mnd",
    "fulltid_vgo",
    "veiledning_status",
    "veiledning_fullfort_dato",
    "anbefaling",
    "anbefaling_merknad",
    "frist_vedtak",
    "funn",
]
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def participant_rows(participants: Iterable[Participant]) -> Iterator[list]:
    for p in participants:
        case = getattr(p, "guidance_case", None)
        done = case if case is not None and case.status == "completed" else None
        yield [
            p.municipality.number,
            p.municipality.norwegian_name,
            p.reference,
            p.name,
            p.birth_date,
            p.duf_number,
            p.permit_category,
            p.permit_date,
            p.settlement_date,
            p.settled_by_agreement,
            p.education_level,
            p.language,
            p.interpreter_needed,
            p.mapping_date,
            p.decision_date,
            p.programme_start,
            p.end_goal,
            p.planned_duration_months,
            p.extension_months,
            p.full_time_upper_secondary,
            case.status if case is not None else "",
            done.completed_on if done else None,
            done.recommendation if done else "",
            done.recommendation_note if done else "",
            p.decision_deadline,
            "|".join(sorted(p.findings or [])),
        ]


@transaction.atomic
def participants_export(*, participants, fmt: str, description: str, user=None, county=None) -> tuple[bytes, int]:
    """``participants`` (a queryset in the caller's scope) as ``fmt`` bytes, and how many; logged as an export."""
    rows = list(participant_rows(participants.select_related("municipality", "guidance_case")))
    ids = list(participants.values_list("pk", flat=True))
    personal_data_read_log(
        user=user,
        county=county,
        action="export",
        record_type="participant",
        record_ids=ids,
        description=_("%(description)s (%(format)s), %(count)s participants")
        % {"description": description, "format": fmt, "count": len(ids)},
    )
    if fmt == "csv":
        return write_csv(PARTICIPANT_HEADER, rows), len(rows)
    out = io.BytesIO()
    write_xlsx(Sheet(_("Participants"), PARTICIPANT_HEADER, rows), out)
    return out.getvalue(), len(rows)
