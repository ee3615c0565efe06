"""The guidance report: one row per participant, evaluated by the rules core on a given date.

    report_rows(*, county, date) -> list[dict]        # evaluated afresh, not from the cache
    report_csv(rows) -> str                           # ';'-separated, header first
    report_json(rows, *, county, date) -> str

Columns: ``referanse, kommunenummer, i_malgruppe, rett_og_plikt_karriereveiledning, frist_vedtak, funn``.
``i_malgruppe`` and ``rett_og_plikt_karriereveiledning`` are ``ja`` only when the rules decide *in the
target group*; when they cannot decide (facts missing), the report says ``nei`` in the CSV — the county
cannot claim a right it cannot document — while the JSON also gives ``i_malgruppe_avgjort`` (false when
undecided) so that a reader can tell «no» from «cannot tell». ``frist_vedtak`` is empty when the
settlement date is unknown. ``funn`` is the finding codes, sorted, joined by ``|``.

Anonymised participants are left out (their reference is a random token and tells the county nothing).
"""

from __future__ import annotations

import csv
import datetime
import io
import json

from integrering.guidance.evaluation import completed_on, participant_facts
from integrering.guidance.models import Participant
from integrering.legal import evaluate_many

FIELDS = ("referanse", "kommunenummer", "i_malgruppe", "rett_og_plikt_karriereveiledning", "frist_vedtak", "funn")


def _yes_no(value: bool | None) -> str:
    return "ja" if value is True else "nei"


def report_rows(*, county, date: datetime.date) -> list[dict]:
    participants = list(
        Participant.objects.filter(county=county, anonymised_at__isnull=True)
        .select_related("municipality", "guidance_case")
        .order_by("municipality__number", "reference")
    )
    facts = [participant_facts(p, guidance_completed_date=completed_on(p), evaluation_date=date) for p in participants]
    rows = []
    for participant, evaluation in zip(participants, evaluate_many(facts), strict=True):
        derived = evaluation.derived
        rows.append({
            "referanse": participant.reference,
            "kommunenummer": participant.municipality.number,
            "i_malgruppe": _yes_no(derived.in_target_group),
            "rett_og_plikt_karriereveiledning": _yes_no(derived.right_and_duty_career_guidance),
            "frist_vedtak": derived.decision_deadline.isoformat() if derived.decision_deadline else "",
            "funn": "|".join(sorted(evaluation.codes)),
            "_decided": derived.in_target_group is not None,
            "_id": participant.pk,
        })
    return rows


def report_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([row[f] for f in FIELDS])
    return out.getvalue()


def report_json(rows: list[dict], *, county, date: datetime.date) -> str:
    items = [{f: row[f] for f in FIELDS} | {"i_malgruppe_avgjort": row["_decided"]} for row in rows]
    for item in items:
        item["funn"] = item["funn"].split("|") if item["funn"] else []
        item["frist_vedtak"] = item["frist_vedtak"] or None
    document = {"fylke": county.number, "vurderingsdato": date.isoformat(), "deltakere": items}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
