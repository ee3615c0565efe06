"""What career guidance offers the plan (issue 14), registered from ``apps.py`` through ``core.registry``:

- the annual report's section: the caseload at the end of the year counted from the rows of ``guidance-report``
  (``reports.report_rows``, the same evaluation, so the sums equal the report's) — participants, in the target
  group, with the right and duty to career guidance, findings per code — and the participants decided that year,
  of whom guided before the decision (the compliance page's conditions, ``figures``);
- the metric «share guided before the programme decision» (the same conditions) for the plan's indicators.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count
from django.utils import timezone

from integrering.guidance.compliance.figures import before_decision_q, decided_q
from integrering.guidance.compliance.reports import report_rows
from integrering.guidance.participants.models import Participant


def _decided_in(county: Any, year: int) -> dict[str, int]:
    return (
        Participant.objects.for_county(county)
        .filter(decision_date__year=year)
        .aggregate(decided=Count("pk", filter=decided_q()), before=Count("pk", filter=before_decision_q()))
    )


def annual_section(*, county: Any, year: int) -> dict[str, Any] | None:
    """None when the county had no participant at the end of the year."""
    day = min(datetime.date(year, 12, 31), timezone.localdate())
    rows = report_rows(county=county, date=day)
    if not rows:
        return None
    findings = Counter(code for row in rows for code in row["funn"].split("|") if code)
    decided = _decided_in(county, year)
    return {
        "date": day.isoformat(),
        "participants": len(rows),
        "in_target_group": sum(1 for row in rows if row["i_malgruppe"] == "ja"),
        "right_and_duty_career_guidance": sum(1 for row in rows if row["rett_og_plikt_karriereveiledning"] == "ja"),
        "findings": dict(sorted(findings.items())),
        "decided_in_year": decided["decided"],
        "guided_before_decision": decided["before"],
    }


def guided_before_decision_share(*, county: Any, year: int) -> float | None:
    """Of the participants whose programme was decided in ``year``, the percentage guided before the decision."""
    decided = _decided_in(county, year)
    if not decided["decided"]:
        return None
    return round(100 * decided["before"] / decided["decided"], 1)
