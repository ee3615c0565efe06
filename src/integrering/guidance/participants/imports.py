"""Import of participants from the municipalities' lists (CSV or XLSX).

    import_plan(*, county, content, filename) -> ImportPlan     # validates everything, writes nothing
    import_apply(plan) -> ImportResult                          # writes all rows in one transaction

Columns: ``referanse, navn, fodselsdato, fodselsnummer, kommunenummer, tillatelse, tillatelsesdato,
bosettingsdato, bosatt_etter_avtale, utdanningsniva, kartlagt_dato, veiledning_fullfort_dato, vedtak_dato,
programstart, sluttmal, varighet_mnd, forlengelse_mnd, fulltid_vgo``. ``referanse`` and
``kommunenummer`` are required; a column that is absent leaves the stored value alone; an empty cell
means *unknown* and empties the stored value (a fødselsnummer/D-nummer without a birth date gives the birth
date) — except ``veiledning_fullfort_dato``, where an empty cell
leaves a guidance case registered in the application alone (a completed case is never undone by a list).

Rows are identified by county + ``referanse``: a re-import updates, never duplicates. Dates are
``2021-03-15`` or ``15.03.2021`` (or Excel dates); yes/no is ``ja``/``nei``. Any error (named by row and
column, in Norwegian) means nothing is written. ``county=None`` takes each row's county from its
municipality (the benchmark's multi-county path).
"""

from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone

from integrering.core.file_errors import table_error_message
from integrering.core.models import County
from integrering.guidance.bulk import audit_log_bulk, rows_update
from integrering.guidance.cases.models import CaseStatus, GuidanceCase, Referral, ReferralStatus
from integrering.guidance.compliance.services import participants_evaluate_bulk
from integrering.guidance.errors import GuidanceError
from integrering.guidance.participants.models import Participant
from integrering.guidance.participants.validation import FACT_FIELDS, FIELD_LABELS, facts_clean
from integrering.legal import EDUCATION_LEVELS, END_GOALS, PERMIT_CATEGORIES
from integrering.municipalities.models import Municipality
from integrering.tabular import TableError, read_rows

DATE_COLUMNS = {
    "fodselsdato": "birth_date",
    "tillatelsesdato": "permit_date",
    "bosettingsdato": "settlement_date",
    "kartlagt_dato": "mapping_date",
    "vedtak_dato": "decision_date",
    "programstart": "programme_start",
}
CHOICE_COLUMNS = {
    "tillatelse": ("permit_category", PERMIT_CATEGORIES),
    "utdanningsniva": ("education_level", EDUCATION_LEVELS),
    "sluttmal": ("end_goal", END_GOALS),
}
BOOL_COLUMNS = {"bosatt_etter_avtale": "settled_by_agreement", "fulltid_vgo": "full_time_upper_secondary"}
MONTH_COLUMNS = {"varighet_mnd": "planned_duration_months", "forlengelse_mnd": "extension_months"}
TEXT_COLUMNS = {"navn": "name", "fodselsnummer": "national_id"}
GUIDANCE_COLUMN = "veiledning_fullfort_dato"
KEY_COLUMNS = ("referanse", "kommunenummer")
COLUMNS = (*KEY_COLUMNS, *TEXT_COLUMNS, *DATE_COLUMNS, *CHOICE_COLUMNS, *BOOL_COLUMNS, *MONTH_COLUMNS, GUIDANCE_COLUMN)
FIELD_COLUMN = {f: c for c, f in {**DATE_COLUMNS, **BOOL_COLUMNS, **MONTH_COLUMNS, **TEXT_COLUMNS}.items()}
FIELD_COLUMN |= {f: c for c, (f, _) in CHOICE_COLUMNS.items()}
ALIASES = {
    "fødselsdato": "fodselsdato",
    "fødselsnummer": "fodselsnummer",
    "utdanningsnivå": "utdanningsniva",
    "sluttmål": "sluttmal",
    "kommunenr": "kommunenummer",
    "referanse_kommune": "referanse",
}


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
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    existing: dict = field(default_factory=dict)  # (county_id, reference) -> Participant

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


def _header(value) -> str:
    text = str(value or "").strip().lower().replace("\ufeff", "")
    text = re.sub(r"[\s\-]+", "_", text)
    return ALIASES.get(text, text)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def parse_date(value) -> datetime.date | None:
    """``2021-03-15``, ``15.03.2021`` or an Excel date; ``None`` for empty. ``ValueError`` otherwise."""
    if value is None or isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    text = _text(value)
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    nor = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if iso:
        y, m, d = (int(g) for g in iso.groups())
    elif nor:
        d, m, y = (int(g) for g in nor.groups())
    else:
        raise ValueError(f"«{text}» er ikke en dato (bruk 2021-03-15 eller 15.03.2021)")
    try:
        return datetime.date(y, m, d)
    except ValueError:
        raise ValueError(f"«{text}» er ikke en gyldig dato") from None


def parse_bool(value) -> bool | None:
    text = _text(value).lower()
    if text == "":
        return None
    if text in ("ja", "j", "yes", "true", "1"):
        return True
    if text in ("nei", "n", "no", "false", "0"):
        return False
    raise ValueError(f"«{_text(value)}» er ikke ja eller nei")


def parse_months(value) -> int | None:
    text = _text(value).replace(" ", "")
    if text == "":
        return None
    if re.fullmatch(r"[-−–]\d+", text):
        raise ValueError(f"negativt antall måneder ({text}) er ikke tillatt")
    if not text.isdigit():
        raise ValueError(f"«{text}» er ikke et helt antall måneder")
    return int(text)


def _parse_cells(cells: dict, line: int, errors: list[str]) -> tuple[dict, datetime.date | None]:
    facts: dict = {}
    guidance = None

    def bad(column: str, reason: str) -> None:
        errors.append(f"Rad {line}, kolonne «{column}»: {reason}.")

    for column, value in cells.items():
        try:
            if column in DATE_COLUMNS:
                facts[DATE_COLUMNS[column]] = parse_date(value)
            elif column == GUIDANCE_COLUMN:
                guidance = parse_date(value)
            elif column in BOOL_COLUMNS:
                facts[BOOL_COLUMNS[column]] = parse_bool(value)
            elif column in MONTH_COLUMNS:
                facts[MONTH_COLUMNS[column]] = parse_months(value)
            elif column in CHOICE_COLUMNS:
                name, allowed = CHOICE_COLUMNS[column]
                text = _text(value).lower()
                if text and text not in allowed:
                    raise ValueError(f"ukjent verdi «{_text(value)}» (gyldige: {', '.join(allowed)})")
                facts[name] = text
            elif column == "fodselsnummer" and isinstance(value, int | float) and not isinstance(value, bool):
                facts["national_id"] = _text(value).zfill(11)  # a number cell in Excel loses the leading 0
            elif column in TEXT_COLUMNS:
                facts[TEXT_COLUMNS[column]] = _text(value)
        except ValueError as error:
            bad(column, str(error))
    return facts, guidance


def _municipalities() -> dict[str, Municipality]:
    return {m.number: m for m in Municipality.objects.all()}


def import_plan(*, county, content: bytes, filename: str) -> ImportPlan:
    """Validate the whole file; writes nothing."""
    plan = ImportPlan(county=county)
    try:
        table = read_rows(content, filename)
    except TableError as error:
        plan.errors.append(table_error_message(error))
        return plan
    numbered = [(i, row) for i, row in enumerate(table, start=1) if any(_text(c) for c in row)]
    if not numbered:
        plan.errors.append("Filen er tom.")
        return plan
    header_line, header_row = numbered[0]
    header = [_header(h) for h in header_row]
    for column in KEY_COLUMNS:
        if column not in header:
            plan.errors.append(f"Rad {header_line}: filen mangler kolonnen «{column}».")
    plan.ignored_columns = [str(header_row[i]) for i, h in enumerate(header) if h and h not in COLUMNS]
    if plan.errors:
        return plan
    municipalities = _municipalities()
    seen: dict[tuple, int] = {}
    for line, raw in numbered[1:]:
        cells = {h: (raw[i] if i < len(raw) else None) for i, h in enumerate(header) if h in COLUMNS}
        row = _plan_row(plan, municipalities, line, cells, seen)
        if row is not None:
            plan.rows.append(row)
    if not plan.errors and not plan.rows:
        plan.errors.append("Filen har ingen deltakere.")
    keys = {(r.municipality.county_id, r.reference) for r in plan.rows}
    county_ids = {k[0] for k in keys}
    # All the counties' participants (not ``reference__in``: 50,000 references exceed SQLite's variable limit).
    existing = Participant.objects.filter(county_id__in=county_ids).select_related("county")
    plan.existing = {(p.county_id, p.reference): p for p in existing if (p.county_id, p.reference) in keys}
    _check_against_stored(plan)
    return plan


def _plan_row(
    plan: ImportPlan, municipalities: dict[str, Municipality], line: int, cells: dict, seen: dict
) -> Row | None:
    errors_before = len(plan.errors)
    reference = _text(cells.pop("referanse"))
    number = _text(cells.pop("kommunenummer"))
    if not reference:
        plan.errors.append(f"Rad {line}, kolonne «referanse»: mangler.")
    elif len(reference) > 64:
        plan.errors.append(f"Rad {line}, kolonne «referanse»: for lang (høyst 64 tegn).")
    number = number.zfill(4) if number.isdigit() else number
    municipality = municipalities.get(number)
    if municipality is None:
        plan.errors.append(f"Rad {line}, kolonne «kommunenummer»: ukjent kommune «{number}».")
    elif plan.county is not None and municipality.county_id != plan.county.pk:
        plan.errors.append(
            f"Rad {line}, kolonne «kommunenummer»: {municipality.number} {municipality.norwegian_name} "
            f"ligger ikke i fylke {plan.county.number}."
        )
    facts, guidance = _parse_cells(cells, line, plan.errors)
    if municipality is not None and reference:
        key = (municipality.county_id, reference)
        if key in seen:
            plan.errors.append(f"Rad {line}, kolonne «referanse»: {reference} står også på rad {seen[key]}.")
        seen[key] = line
    if len(plan.errors) > errors_before or municipality is None:  # no municipality is an error
        return None
    return Row(line, reference, municipality, facts, guidance)


def _check_against_stored(plan: ImportPlan) -> None:
    """Check each row's facts merged with what is stored (fødselsnummer vs birth date, dates vs birth)."""
    for row in plan.rows:
        stored = plan.existing.get((row.municipality.county_id, row.reference))
        merged = {name: getattr(stored, name) for name in FACT_FIELDS} if stored else {}
        merged |= row.facts
        try:
            cleaned = facts_clean(merged)
        except GuidanceError as error:
            plan.errors.append(_blame(row, error, merged))
            continue
        derived_birth = merged.get("birth_date") is None and cleaned.get("birth_date") is not None
        row.facts = {k: v for k, v in cleaned.items() if k in row.facts or (k == "birth_date" and derived_birth)}
        birth = cleaned.get("birth_date")
        if row.guidance_completed and birth and row.guidance_completed < birth:
            plan.errors.append(f"Rad {row.line}, kolonne «{GUIDANCE_COLUMN}»: datoen er før fødselsdatoen.")
        if row.guidance_completed and row.guidance_completed > timezone.localdate():
            plan.errors.append(f"Rad {row.line}, kolonne «{GUIDANCE_COLUMN}»: datoen er i fremtiden.")
        if stored is not None and stored.anonymised_at is not None:
            plan.errors.append(f"Rad {row.line}, kolonne «referanse»: deltakeren er anonymisert.")


def _blame(row: Row, error: GuidanceError, merged: dict) -> str:
    """The error message naming the column the row got wrong.

    A fødselsnummer that does not match the birth date is the row's fødselsnummer only if the row gives one;
    a row that gives only a birth date contradicts the number already registered, so its birth date is wrong.
    """
    field, message = error.field or "", error.message
    if field == "national_id" and merged.get("national_id") and "national_id" not in row.facts:
        field, message = "birth_date", "Fødselsdatoen stemmer ikke med fødselsnummeret som er registrert."
    elif field == "national_id" and "birth_date" not in row.facts and merged.get("birth_date"):
        message = f"Fødselsnummeret stemmer ikke med fødselsdatoen som er registrert ({merged['birth_date']:%d.%m.%Y})."
    column = FIELD_COLUMN.get(field, FIELD_LABELS.get(field, "?"))
    return f"Rad {row.line}, kolonne «{column}»: {message}"


UPDATE_FIELDS = ["municipality", *FIELD_COLUMN, "version"]


@transaction.atomic
def import_apply(plan: ImportPlan) -> ImportResult:
    """Write every row (create or update), complete guidance cases, and re-evaluate. All or nothing.

    Audited like ``save()`` (one audit entry per created or changed participant and case), written in
    bulk. A row that changes nothing is not written, but counts as activity (``last_activity_at``).
    """
    if not plan.ok:
        raise GuidanceError("Importen har feil og kan ikke lagres.")
    now = timezone.now()
    counties = {c.pk: c for c in County.objects.filter(pk__in={r.municipality.county_id for r in plan.rows})}
    new: list[Participant] = []
    changed: list[tuple[Participant, Participant]] = []
    participants: list[Participant] = []
    for row in plan.rows:
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
    rows_update(Participant, [p for _, p in changed], UPDATE_FIELDS)
    created_ids = {id(p) for p in new}
    rows_update(Participant, [p for p in participants if id(p) not in created_ids], ["last_activity_at"])
    audit_log_bulk([(None, p) for p in new], action=LogEntry.Action.CREATE)
    audit_log_bulk(changed, action=LogEntry.Action.UPDATE)
    completed, cases_changed = _complete_cases(plan, participants)
    # Only what changed needs evaluating now; unchanged rows keep their evaluation (the nightly
    # ``evaluate-participants`` refreshes the date-dependent findings).
    evaluate_ids = {p.pk for p in new} | {p.pk for _, p in changed} | cases_changed
    ids = [p.pk for p in participants if p.pk in evaluate_ids]
    for start in range(0, len(ids), 2000):
        batch = Participant.objects.filter(pk__in=ids[start : start + 2000]).select_related("guidance_case")
        participants_evaluate_bulk(list(batch))
    return ImportResult(created=len(new), updated=len(changed), guidance_completed=completed)


def _complete_cases(plan: ImportPlan, participants: list[Participant]) -> tuple[int, set[int]]:
    """Create or complete the guidance cases; returns (rows with a date, participants whose case changed)."""
    dated = {
        p.pk: (p, r.guidance_completed) for p, r in zip(participants, plan.rows, strict=True) if r.guidance_completed
    }
    cases = {c.participant_id: c for c in GuidanceCase.objects.filter(participant__in=[p for p, _ in dated.values()])}
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
    rows_update(GuidanceCase, [c for _, c in changed], ["status", "completed_on", "version"])
    audit_log_bulk([(None, c) for c in new], action=LogEntry.Action.CREATE)
    audit_log_bulk(changed, action=LogEntry.Action.UPDATE)
    ids = list(dated)
    for start in range(0, len(ids), 900):
        Referral.objects.filter(
            participant_id__in=ids[start : start + 900], status__in=[ReferralStatus.REFERRED, ReferralStatus.BOOKED]
        ).update(status=ReferralStatus.COMPLETED)
    return len(dated), {c.participant_id for c in new} | {c.participant_id for _, c in changed}
