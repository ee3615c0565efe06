"""The guidance report: one row per participant, evaluated by the rules core on a given date.

    report_rows(*, county, date, today=None) -> list[dict]   # evaluated afresh, not from the cache
    report_csv(rows) -> str                                  # ';'-separated, header first, formula-safe
    report_json(rows) -> str                                 # a JSON array of the same rows
    report_export(*, county, date, fmt) -> (text, count)     # CSV or JSON, logged as an export (command line)

Fields, in this order and no others: ``referanse, kommunenummer, i_malgruppe,
rett_og_plikt_karriereveiledning, frist_vedtak, funn``, with the same values in CSV and JSON (all strings):
``i_malgruppe`` and ``rett_og_plikt_karriereveiledning`` are ``ja`` only when the rules decide *in the
target group*; when they cannot decide (facts missing) the report says ``nei`` — the county cannot claim
a right it cannot document. ``frist_vedtak`` is the ISO date, or ``""`` when the settlement date is
unknown. ``funn`` is the finding codes, sorted, joined by ``|`` (``""`` for none).

**A date in the past** (``date`` before ``today``) shows the caseload as it stood that day: participants
settled after it are left out (they were not yet the municipality's participants), and events dated
after it — competence mapping, completed guidance, the decision with its end goal, duration and
extension, programme start — count as not yet happened (``integrering.legal.facts_as_of``). Participants
whose settlement date is unknown are included. For today (the default) or a later date every registered
fact counts, as on the participant's page (a planned programme start, for instance).

Anonymised participants are left out (their reference is a random token and tells the county nothing).
"""

from __future__ import annotations

import datetime
import json

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_read_log
from integrering.guidance.compliance import rules
from integrering.guidance.compliance.facts import completed_on, participant_facts
from integrering.guidance.participants.models import Participant
from integrering.legal import facts_as_of
from integrering.tabular import write_csv

FIELDS = ("referanse", "kommunenummer", "i_malgruppe", "rett_og_plikt_karriereveiledning", "frist_vedtak", "funn")


def _yes_no(value: bool | None) -> str:
    return "ja" if value is True else "nei"


def report_rows(*, county, date: datetime.date, today: datetime.date | None = None) -> list[dict]:
    """The report's rows (plus ``_id``, the participant's pk, for the audit log), by municipality and reference."""
    past = date < (today or timezone.localdate())
    query = Participant.objects.for_county(county).filter(anonymised_at__isnull=True)
    if past:
        query = query.filter(Q(settlement_date__isnull=True) | Q(settlement_date__lte=date))
    participants = list(
        query.select_related("municipality", "guidance_case").order_by("municipality__number", "reference")
    )
    facts = [participant_facts(p, guidance_completed_date=completed_on(p), evaluation_date=date) for p in participants]
    if past:
        facts = [facts_as_of(f) for f in facts]
    rows = []
    for participant, evaluation in zip(participants, rules.evaluate_many(facts), strict=True):
        derived = evaluation.derived
        rows.append(
            {
                "referanse": participant.reference,
                "kommunenummer": participant.municipality.number,
                "i_malgruppe": _yes_no(derived.in_target_group),
                "rett_og_plikt_karriereveiledning": _yes_no(derived.right_and_duty_career_guidance),
                "frist_vedtak": derived.decision_deadline.isoformat() if derived.decision_deadline else "",
                "funn": "|".join(sorted(evaluation.codes)),
                "_id": participant.pk,
            }
        )
    return rows


def report_csv(rows: list[dict]) -> str:
    """The CSV text (``tabular.write_csv``: a reference that looks like a formula is written as text)."""
    return write_csv(FIELDS, ([row[f] for f in FIELDS] for row in rows)).decode("utf-8-sig")


def report_json(rows: list[dict]) -> str:
    """A top-level array of objects with exactly the six fields, valued as in the CSV."""
    return json.dumps([{f: row[f] for f in FIELDS} for row in rows], ensure_ascii=False, indent=2) + "\n"


def report_export(*, county, date: datetime.date, fmt: str) -> tuple[str, int]:
    """The report as ``fmt`` ("csv" or "json") text and its number of participants.

    The report is personal data (pseudonymous: references and findings): it is logged as an export, by no
    user (the command line), in the county's audit log.
    """
    rows = report_rows(county=county, date=date)
    personal_data_read_log(
        user=None,
        county=county,
        action="export",
        record_type="participant",
        record_ids=[row["_id"] for row in rows],
        description=_("guidance-report %(format)s %(date)s (command line)")
        % {"format": fmt, "date": f"{date:%d.%m.%Y}"},
    )
    return (report_csv(rows) if fmt == "csv" else report_json(rows)), len(rows)
