"""Import of participants from the municipalities' lists (CSV or XLSX), read through ``integrering.tabular``.

    import_plan(*, county, content, filename, limits=DEFAULT_LIMITS) -> ImportPlan   # validates, writes nothing
    import_apply(plan) -> ImportResult                                               # all rows, one transaction

Columns (``COLUMNS``, each declared once with its header, aliases and parser): ``referanse, navn, fodselsdato,
fodselsnummer, kommunenummer, tillatelse, tillatelsesdato, bosettingsdato, bosatt_etter_avtale, utdanningsniva,
kartlagt_dato, veiledning_fullfort_dato, vedtak_dato, programstart, sluttmal, varighet_mnd, forlengelse_mnd,
fulltid_vgo``. Headers are compared normalised (``Fødselsdato`` = ``fodselsdato``). ``referanse`` and
``kommunenummer`` are required; the municipality is its number (``301`` = ``0301``) or its name, among the
municipalities valid this year. A column that is absent leaves the stored value alone; an empty cell means
*unknown* and empties the stored value (a fødselsnummer/D-nummer without a birth date gives the birth date) —
except ``veiledning_fullfort_dato``, where an empty cell leaves a guidance case registered in the application
alone (a completed case is never undone by a list).

Rows are identified by county + ``referanse``: a re-import updates, never duplicates. Dates are ``15.03.2021`` or
``2021-03-15`` (or Excel dates); yes/no is ``ja``/``nei``. The file is held to ``tabular``'s limits (size before
anything is read, rows, columns, cell length, an XLSX's unpacked size; its declared dimension is not trusted).
Any error (named by row and column, in Norwegian) means nothing is written. ``county=None`` takes each row's
county from its municipality (the benchmark's multi-county path).
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.file_errors import table_error_messages
from integrering.core.models import County
from integrering.guidance.bulk import audit_log_bulk, changes_save, untracked_update
from integrering.guidance.cases.models import CaseStatus, GuidanceCase
from integrering.guidance.compliance.services import participants_evaluate_bulk
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.validation import FACT_FIELDS, FIELD_LABELS, facts_clean
from integrering.legal import EDUCATION_LEVELS, END_GOALS, PERMIT_CATEGORIES
from integrering.municipalities.lookup import MunicipalityIndex
from integrering.municipalities.models import Municipality
from integrering.tabular import (
    DEFAULT_LIMITS,
    Column,
    Limits,
    TableError,
    cell_text,
    choice,
    date,
    iter_rows,
    read_table,
    text,
    whole_number,
    yes_no,
)


def _national_id(value) -> str:
    """A fødselsnummer as text; a number cell (Excel drops the leading 0) is padded to 11 digits."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return cell_text(value).zfill(11)
    return text(max_length=14)(value)


GUIDANCE_COMPLETED = "guidance_completed"
COLUMNS = (
    Column(
        "reference", "referanse", aliases=("referanse_kommune",), required=True, blank=False, parse=text(max_length=64)
    ),
    Column("municipality", "kommunenummer", aliases=("kommunenr", "knr", "kommune"), required=True, blank=False),
    Column("name", "navn", parse=text(max_length=200)),
    Column("birth_date", "fodselsdato", parse=date()),
    Column("national_id", "fodselsnummer", aliases=("d_nummer",), parse=_national_id),
    Column("permit_category", "tillatelse", parse=choice(PERMIT_CATEGORIES)),
    Column("permit_date", "tillatelsesdato", parse=date()),
    Column("settlement_date", "bosettingsdato", parse=date()),
    Column("settled_by_agreement", "bosatt_etter_avtale", parse=yes_no()),
    Column("education_level", "utdanningsniva", parse=choice(EDUCATION_LEVELS)),
    Column("mapping_date", "kartlagt_dato", parse=date()),
    Column(GUIDANCE_COMPLETED, "veiledning_fullfort_dato", parse=date()),
    Column("decision_date", "vedtak_dato", parse=date()),
    Column("programme_start", "programstart", parse=date()),
    Column("end_goal", "sluttmal", parse=choice(END_GOALS)),
    Column("planned_duration_months", "varighet_mnd", parse=whole_number(minimum=0)),
    Column("extension_months", "forlengelse_mnd", parse=whole_number(minimum=0)),
    Column("full_time_upper_secondary", "fulltid_vgo", parse=yes_no()),
)
HEADERS = tuple(column.header for column in COLUMNS)
FACT_KEYS = tuple(column.key for column in COLUMNS if column.key in FACT_FIELDS)
FIELD_COLUMN = {column.key: column.header for column in COLUMNS}


def municipality_parser(year: int):
    """The municipalities valid in ``year`` by number (``301`` = ``0301``) or by any of their names."""
    index = MunicipalityIndex(year)

    def parse(value) -> Municipality:
        return index.find(value)

    return parse


@dataclass
class Row:
    line: int
    reference: str
    municipality: Municipality
    facts: dict
    guidance_completed: datetime.date | None


@dataclass
class ImportPlan:
    county: County | None
    only_municipality: Municipality | None = None
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    existing: dict = field(default_factory=dict)  # (county_id, reference) -> Participant
    headers: dict = field(default_factory=dict)  # column key -> the header as the file writes it

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if (r.municipality.county_id, r.reference) not in self.existing)


@dataclass
class ImportResult:
    created: int
    updated: int
    guidance_completed: int


def import_plan(
    *, county, content, filename: str, limits: Limits = DEFAULT_LIMITS, only_municipality=None
) -> ImportPlan:
    """Validate the whole file (bytes or a binary file, read at most to the size limit); writes nothing.

    ``only_municipality``: a municipal user's upload may hold only their own municipality's participants.
    """
    plan = ImportPlan(county=county, only_municipality=only_municipality)
    try:
        table = read_table(
            iter_rows(content, filename, limits=limits),
            COLUMNS,
            parsers={"municipality": municipality_parser(timezone.localdate().year)},
        )
    except TableError as error:
        plan.errors.extend(table_error_messages(error))
        return plan
    plan.ignored_columns = list(table.ignored)
    plan.headers = dict(table.headers)
    seen: dict[tuple, int] = {}
    table.rows.reverse()
    while table.rows:  # each parsed row is dropped once read: the two forms of every row are not held at once
        row = _plan_row(plan, table.rows.pop(), seen)
        if row is not None:
            plan.rows.append(row)
    keys = {(r.municipality.county_id, r.reference) for r in plan.rows}
    county_ids = {k[0] for k in keys}
    # All the counties' participants (not ``reference__in``: 50,000 references exceed SQLite's variable limit).
    existing = Participant.objects.filter(county_id__in=county_ids).select_related("county")
    plan.existing = {(p.county_id, p.reference): p for p in existing if (p.county_id, p.reference) in keys}
    _check_against_stored(plan)
    return plan


def _at(line: int, column: str, message: str) -> str:
    """A message placed at a row and column of the file, as the tabular errors are."""
    return _("Row %(row)s, column «%(column)s»: %(message)s") % {"row": line, "column": column, "message": message}


def _plan_row(plan: ImportPlan, parsed, seen: dict) -> Row | None:
    """The checks across a row's cells and across rows (county, duplicates); the cells are parsed already."""
    line, reference, municipality = parsed.number, parsed["reference"], parsed["municipality"]
    errors_before = len(plan.errors)
    if plan.county is not None and municipality.county_id != plan.county.pk:
        message = _("%(number)s %(name)s is not in county %(county)s.") % {
            "number": municipality.number,
            "name": municipality.norwegian_name,
            "county": plan.county.number,
        }
        plan.errors.append(_at(line, plan.headers["municipality"], message))
    elif plan.only_municipality is not None and municipality.pk != plan.only_municipality.pk:
        message = _("%(number)s %(name)s is not your municipality.") % {
            "number": municipality.number,
            "name": municipality.norwegian_name,
        }
        plan.errors.append(_at(line, plan.headers["municipality"], message))
    key = (municipality.county_id, reference)
    if key in seen:
        message = _("%(reference)s is also on row %(row)s.") % {"reference": reference, "row": seen[key]}
        plan.errors.append(_at(line, plan.headers["reference"], message))
    seen[key] = line
    if len(plan.errors) > errors_before:
        return None
    facts = {key: parsed[key] for key in FACT_KEYS if key in parsed}
    return Row(line, reference, municipality, facts, parsed.get(GUIDANCE_COMPLETED))


def _check_against_stored(plan: ImportPlan) -> None:
    """Check each row's facts merged with what is stored (fødselsnummer vs birth date, dates vs birth)."""
    guidance_column = plan.headers.get(GUIDANCE_COMPLETED, FIELD_COLUMN[GUIDANCE_COMPLETED])
    for row in plan.rows:
        stored = plan.existing.get((row.municipality.county_id, row.reference))
        merged = {name: getattr(stored, name) for name in FACT_FIELDS} if stored else {}
        merged |= row.facts
        try:
            cleaned = facts_clean(merged)
        except ApplicationError as error:
            plan.errors.append(_blame(plan, row, error, merged))
            continue
        derived_birth = merged.get("birth_date") is None and cleaned.get("birth_date") is not None
        row.facts = {k: v for k, v in cleaned.items() if k in row.facts or (k == "birth_date" and derived_birth)}
        birth = cleaned.get("birth_date")
        if row.guidance_completed and birth and row.guidance_completed < birth:
            plan.errors.append(_at(row.line, guidance_column, _("the date is before the birth date.")))
        if row.guidance_completed and row.guidance_completed > timezone.localdate():
            plan.errors.append(_at(row.line, guidance_column, _("the date is in the future.")))
        if stored is not None and stored.anonymised_at is not None:
            column = plan.headers.get("reference", "referanse")
            plan.errors.append(_at(row.line, column, _("the participant is anonymised.")))


def _blame(plan: ImportPlan, row: Row, error: ApplicationError, merged: dict) -> str:
    """The error message naming the column the row got wrong.

    A fødselsnummer that does not match the birth date is the row's fødselsnummer only if the row gives one;
    a row that gives only a birth date contradicts the number already registered, so its birth date is wrong.
    """
    field, message = error.field or "", error.user_message
    if field == "national_id" and merged.get("national_id") and "national_id" not in row.facts:
        field, message = "birth_date", _("The birth date does not match the national identity number registered.")
    elif field == "national_id" and "birth_date" not in row.facts and merged.get("birth_date"):
        message = _("The national identity number does not match the birth date registered (%(date)s).") % {
            "date": f"{merged['birth_date']:%d.%m.%Y}"
        }
    column = str(plan.headers.get(field) or FIELD_COLUMN.get(field) or FIELD_LABELS.get(field, "?"))
    return _at(row.line, column, message)


UPDATE_FIELDS = ["municipality", *FACT_KEYS, "version"]


CHUNK = 5_000  # rows written (and their objects held) at a time, inside the one transaction


@transaction.atomic
def import_apply(plan: ImportPlan) -> ImportResult:
    """Write every row (create or update), complete guidance cases, and re-evaluate. All or nothing.

    Audited like ``save()`` (one audit entry per created or changed participant and case), written in
    bulk, ``CHUNK`` rows at a time so that memory does not grow with the file. A row that changes nothing is not
    written, but counts as activity (``last_activity_at``).
    """
    if not plan.ok:
        raise ApplicationError(_("The import has errors and cannot be saved."))
    now = timezone.now()
    counties = {c.pk: c for c in County.objects.filter(pk__in={r.municipality.county_id for r in plan.rows})}
    created = updated = completed = 0
    for start in range(0, len(plan.rows), CHUNK):
        figures = _chunk_apply(plan, plan.rows[start : start + CHUNK], counties, now)
        created, updated, completed = created + figures[0], updated + figures[1], completed + figures[2]
    return ImportResult(created=created, updated=updated, guidance_completed=completed)


def _chunk_apply(plan: ImportPlan, rows: list[Row], counties: dict, now) -> tuple[int, int, int]:
    new: list[Participant] = []
    changed: list[tuple[Participant, Participant]] = []
    participants: list[Participant] = []
    for row in rows:
        stored = plan.existing.get((row.municipality.county_id, row.reference))
        participant = stored or Participant(county=counties[row.municipality.county_id], reference=row.reference)
        old = copy.copy(stored) if stored else None
        participant.municipality = row.municipality
        for name, value in row.facts.items():
            setattr(participant, name, value)
        participant.last_activity_at = now
        if stored is None:
            new.append(participant)
        elif old is not None and any(
            getattr(old, f) != getattr(participant, f) for f in ("municipality_id", *row.facts)
        ):
            participant.version += 1
            changed.append((old, participant))
        participants.append(participant)
    Participant.objects.bulk_create(new, batch_size=1000)
    changes_save(Participant, changed, UPDATE_FIELDS)
    created_ids = {id(p) for p in new}
    untracked_update(Participant, [p for p in participants if id(p) not in created_ids], ["last_activity_at"])
    audit_log_bulk([(None, p) for p in new], action=LogEntry.Action.CREATE)
    completed, cases_changed = _complete_cases(rows, participants)
    # Only what changed needs evaluating now; unchanged rows keep their evaluation (the nightly
    # ``evaluate-participants`` refreshes the date-dependent findings).
    evaluate_ids = {p.pk for p in new} | {p.pk for _, p in changed} | cases_changed
    ids = [p.pk for p in participants if p.pk in evaluate_ids]
    for start in range(0, len(ids), 2000):
        batch = Participant.objects.filter(pk__in=ids[start : start + 2000]).select_related("guidance_case")
        participants_evaluate_bulk(list(batch))
    return len(new), len(changed), completed


def _complete_cases(rows: list[Row], participants: list[Participant]) -> tuple[int, set[int]]:
    """Create or complete the guidance cases; returns (rows with a date, participants whose case changed)."""
    dated = {p.pk: (p, r.guidance_completed) for p, r in zip(participants, rows, strict=True) if r.guidance_completed}
    cases = {c.participant_id: c for c in GuidanceCase.objects.filter(participant_id__in=list(dated))}
    new, changed = [], []
    for participant_id, (participant, day) in dated.items():
        case = cases.get(participant_id)
        if case is None:
            new.append(GuidanceCase(participant=participant, status=CaseStatus.COMPLETED, completed_on=day))
        elif case.status != CaseStatus.COMPLETED or case.completed_on != day:
            old = copy.copy(case)
            case.participant = participant
            case.status, case.completed_on, case.version = CaseStatus.COMPLETED, day, case.version + 1
            changed.append((old, case))
    GuidanceCase.objects.bulk_create(new, batch_size=1000)
    changes_save(GuidanceCase, changed, ["status", "completed_on", "version"])
    audit_log_bulk([(None, c) for c in new], action=LogEntry.Action.CREATE)
    # An open referral is completed with its case: its status is read from the case (``Referral.status``).
    return len(dated), {c.participant_id for c in new} | {c.participant_id for _, c in changed}
