"""The export to the municipality (§ 30 and § 11): completed career guidance and Norwegian-training absence.

    export_rows(user, municipality=None) -> (rows, participant ids)   # one row per enrolment, or per person
    export_csv(rows) -> bytes                                          # ';'-separated, UTF-8 with BOM
    export_xlsx(rows) -> bytes

The rows are the user's scope (a municipal user's own municipality only); the view logs the export. Both files are
written by ``integrering.tabular``: a text cell that looks like a formula stays text, numbers stay numbers.
"""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.participants.selectors import participants_for_user
from integrering.guidance.training.models import TrainingEnrolment
from integrering.tabular import Sheet, write_csv, write_xlsx

EXPORT_HEADER = [
    "kommunenummer",
    "referanse",
    "navn",
    "fodselsdato",
    "veiledning_fullfort_dato",
    "anbefaling",
    "skole",
    "maalniva",
    "timer_planlagt",
    "timer_deltatt",
    "fravaer_timer",
    "opplaering_start",
    "opplaering_slutt",
    "opplaering_fullfort",
]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_rows(user, municipality=None) -> tuple[list[list], list[int]]:
    """One row per enrolment (or one per participant with completed guidance and no enrolment)."""
    qs = (
        participants_for_user(user)
        .filter(Q(guidance_case__status=CaseStatus.COMPLETED) | Q(training_enrolments__isnull=False))
        .distinct()
        .prefetch_related(Prefetch("training_enrolments", queryset=TrainingEnrolment.objects.order_by("start", "pk")))
    )
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    rows, ids = [], []
    for p in qs:
        ids.append(p.pk)
        case = getattr(p, "guidance_case", None)
        done = case if case is not None and case.status == CaseStatus.COMPLETED else None
        person: list[object] = [
            p.municipality.number,
            p.reference,
            p.name,
            p.birth_date,
            done.completed_on if done else None,
            done.get_recommendation_display() if done else "",
        ]
        for e in p.training_enrolments.all() or [None]:
            training: list[object] = (
                ["", "", None, None, None, None, None, ""]
                if e is None
                else [
                    e.school,
                    e.target_level,
                    e.hours_planned,
                    e.hours_attended,
                    e.absence_hours,
                    e.start,
                    e.end,
                    e.completed,  # ja/nei (tabular writes booleans so)
                ]
            )
            rows.append(person + training)
    return rows, ids


def export_csv(rows) -> bytes:
    return write_csv(EXPORT_HEADER, rows, date_format="%Y-%m-%d")


def export_xlsx(rows) -> bytes:
    return write_xlsx(Sheet(_("Guidance and absence"), EXPORT_HEADER, rows))
