"""The compliance figures: is the order mapping → guidance → decision kept, per municipality and for the county.

compliance_for_user(user, *, today=None) -> Compliance   # 4 queries, whatever the number of rows
    Compliance.rows: ComplianceRow per municipality; Compliance.total: the county (or the user's
    municipality); ComplianceRow.share_before_decision (0..1 or None), median_days (None if no data),
    open_findings {code: count} (errors and warnings only), errors, warnings; Compliance.versions
    {code: rule-set versions that reported it} (to describe each code as its own version did).
municipality_summary(municipality) -> dict                       # aggregates for the municipality page;
    "findings": described findings (``describe_versions``) with "count"
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from integrering.core.permissions import is_municipal_only
from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.compliance import rules
from integrering.guidance.compliance.describe import describe_versions
from integrering.guidance.compliance.figures import before_decision_q, decided_q, overdue_q
from integrering.guidance.compliance.models import ParticipantFinding
from integrering.guidance.participants.models import Participant
from integrering.legal import ERROR, WARNING
from integrering.municipalities.models import Municipality


@dataclass
class ComplianceRow:
    municipality: Municipality | None
    participants: int = 0
    decided: int = 0
    guidance_before_decision: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list, repr=False)
    open_findings: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0

    @property
    def share_before_decision(self) -> float | None:
        return self.guidance_before_decision / self.decided if self.decided else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def guidance_completed(self) -> int:
        return len(self.days)


@dataclass
class Compliance:
    rows: list[ComplianceRow]
    total: ComplianceRow
    codes: list[str]  # the codes with open errors or warnings, in catalogue order
    today: datetime.date
    versions: dict[str, set[str]] = field(default_factory=dict)  # code → rule-set versions that reported it


def compliance_for_user(user, *, today: datetime.date | None = None) -> Compliance:
    """Per municipality and in total: guidance before decision, settlement → guidance days, open findings.

    Anonymised participants count in the share and the median (their dates are kept) but not in the open
    findings or the overdue count.
    """
    today = today or timezone.localdate()
    scoped = Participant.objects.scoped_for(user)
    counts = (
        scoped.values("municipality_id")
        .order_by("municipality_id")
        .annotate(
            participants=Count("pk", filter=Q(anonymised_at__isnull=True)),
            decided=Count("pk", filter=decided_q()),
            before=Count("pk", filter=before_decision_q()),
            overdue=Count("pk", filter=overdue_q(today) & Q(anonymised_at__isnull=True)),
        )
    )
    rows: dict[int, ComplianceRow] = {}
    for c in counts:
        rows[c["municipality_id"]] = ComplianceRow(
            None,
            participants=c["participants"],
            decided=c["decided"],
            guidance_before_decision=c["before"],
            overdue=c["overdue"],
        )
    durations = scoped.filter(settlement_date__isnull=False, guidance_case__status=CaseStatus.COMPLETED).values_list(
        "municipality_id", "settlement_date", "guidance_case__completed_on"
    )
    for municipality_id, settled, completed in durations:
        if settled is not None and completed is not None:
            rows[municipality_id].days.append((completed - settled).days)
    findings = (
        ParticipantFinding.objects.scoped_for(user)
        .filter(
            participant__anonymised_at__isnull=True,
            severity__in=[ERROR, WARNING],
        )
        .values("participant__municipality_id", "code", "severity", "participant__ruleset_version")
        .order_by()
        .annotate(n=Count("pk"))
    )
    versions: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        row = rows[f["participant__municipality_id"]]
        row.open_findings[f["code"]] = row.open_findings.get(f["code"], 0) + f["n"]
        setattr(
            row,
            "errors" if f["severity"] == ERROR else "warnings",
            (row.errors if f["severity"] == ERROR else row.warnings) + f["n"],
        )
        versions[f["code"]].add(f["participant__ruleset_version"])
    municipalities = Municipality.objects.in_bulk(list(rows))
    for municipality_id, row in rows.items():
        row.municipality = municipalities[municipality_id]
    ordered = sorted(rows.values(), key=lambda r: r.municipality.number if r.municipality else "")
    total = _sum_rows(ordered)
    if is_municipal_only(user):
        total.municipality = user.municipality
    codes = [code for code in rules.catalogue() if code in versions]
    return Compliance(rows=ordered, total=total, codes=codes, today=today, versions=dict(versions))


def _sum_rows(rows: list[ComplianceRow]) -> ComplianceRow:
    total = ComplianceRow(None)
    for row in rows:
        total.participants += row.participants
        total.decided += row.decided
        total.guidance_before_decision += row.guidance_before_decision
        total.overdue += row.overdue
        total.days.extend(row.days)
        total.errors += row.errors
        total.warnings += row.warnings
        for code, n in row.open_findings.items():
            total.open_findings[code] = total.open_findings.get(code, 0) + n
    return total


def municipality_summary(municipality: Municipality) -> dict:
    """Aggregates only (no names): participants, in the target group, waiting for guidance, open findings."""
    live = Participant.objects.for_county(municipality.county_id).filter(
        municipality=municipality, anonymised_at__isnull=True
    )
    counts = live.aggregate(
        participants=Count("pk"),
        in_target_group=Count("pk", filter=Q(in_target_group=True)),
        waiting=Count("pk", filter=Q(guidance_case__status__in=[CaseStatus.REFERRED, CaseStatus.BOOKED])),
        completed=Count("pk", filter=Q(guidance_case__status=CaseStatus.COMPLETED)),
    )
    by_code: dict[str, int] = defaultdict(int)
    versions: dict[str, set[str]] = defaultdict(set)
    for code, version_id, n in (
        ParticipantFinding.objects.filter(participant__in=live, severity__in=[ERROR, WARNING])
        .values_list("code", "participant__ruleset_version")
        .order_by()
        .annotate(n=Count("pk"))
    ):
        by_code[code] += n
        versions[code].add(version_id)
    findings = [
        describe_versions(code, versions[code]) | {"count": by_code[code]}
        for code in rules.catalogue()
        if code in by_code
    ]
    return counts | {"findings": findings}
