"""Test helpers for guidance: participants made through the services, dates relative to today, a CSV builder."""

import datetime

from django.utils import timezone

from integrering.core.models import PersonalDataAccess
from integrering.guidance.cases.models import GuidanceCase
from integrering.guidance.cases.services import case_complete, referral_create
from integrering.guidance.participants import services
from integrering.guidance.participants.imports import HEADERS
from integrering.guidance.training.models import TrainingEnrolment
from integrering.guidance.training.services import training_enrol, training_update
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


def csv_text(rows: list[dict], *, delimiter=";", columns=HEADERS, bom=False) -> bytes:
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


def export_setup(county, municipal_user):
    """E-1 in Trondheim: enrolled (7 hours absent) and guided (completed 01.04.2021); E-2 in Steinkjer: enrolled."""
    p = participant_make(county, reference="E-1", full_time_upper_secondary=True, national_id=FNR)
    training_enrol(participant=p, school="Byåsen vgs", target_level="B1", start=datetime.date(2024, 8, 19))
    enrolment = TrainingEnrolment.objects.get(participant=p)
    training_update(enrolment=enrolment, version=enrolment.version, absence_hours=7)
    referral_create(participant=p, user=municipal_user, mapping_date=datetime.date(2021, 3, 5))
    case_complete(case=case_of(p), completed_on=datetime.date(2021, 4, 1), recommendation="work")
    other = participant_make(county, reference="E-2", municipality="5006", full_time_upper_secondary=True)
    training_enrol(participant=other, school="Steinkjer vgs", target_level="A2", start=datetime.date(2024, 8, 19))
    return p, other


def cli(*args: str) -> tuple[int, str, str]:
    """Run ``integrering <args>`` as the command line does (an ApplicationError: its message and exit 2);
    returns (exit status, standard output, standard error)."""
    import contextlib
    import io
    from unittest import mock

    from django.core.management import execute_from_command_line

    from integrering.cli import _run_management_command

    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        # A command closes every database connection when it ends (BaseCommand.run_from_argv); inside a test's
        # transaction on PostgreSQL that would close the test's own connection.
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            mock.patch("django.db.connections.close_all"),
        ):
            _run_management_command(execute_from_command_line, ["integrering", *args])
    except SystemExit as exit:
        code = exit.code or 0
    return code, out.getvalue(), err.getvalue()
