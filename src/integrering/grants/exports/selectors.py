"""The one source of the grants report: one row per (non-draft) application of a county's calls in a year.

    grants_report_rows(*, county, year, scheme_code=None) -> (rows, sums)
    grants_report_csv(rows, sums) -> bytes    # ';', UTF-8 with BOM, a final «Sum» row
    grants_report_json(rows, sums) -> str     # {"rows": [...], "sum": {...}}
    grants_report_xlsx(rows, sums) -> bytes
    grants_section(*, county, year) -> dict | None   # the annual report's «grants» section (None: no applications)
    grants_paid(*, county, year) / grants_granted(*, county, year) -> int | None     # plan metrics

``utbetalt`` is the sum of the application's paid payments; ``tilbakebetalt`` the sum of its reclaims registered as
repaid (an open reclaim is not yet repaid).
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from integrering.grants.applications.models import Application
from integrering.grants.applications.status import COMMITTED, Status
from integrering.tabular import Sheet, write_csv, write_xlsx

COLUMNS = [
    "ordning",
    "utlysning",
    "referanse",
    "soker",
    "orgnr",
    "kommunenummer",
    "status",
    "soknadsbelop",
    "tilsagn",
    "utbetalt",
    "tilbakebetalt",
    "avslagsgrunner",
]
AMOUNTS = ["soknadsbelop", "tilsagn", "utbetalt", "tilbakebetalt"]


def _applications(*, county: Any, year: int, scheme_code: str | None = None):
    """Only the columns the report needs, as dicts (no model instances: 5,000 rows in a fraction of the time)."""
    qs = (
        Application.objects.for_county(county)
        .filter(call__year=year)
        .exclude(status=Status.DRAFT)
        .order_by("call__scheme__name", "call__title", "reference")
    )
    if scheme_code:
        qs = qs.filter(call__scheme__code=scheme_code)
    return qs.values(
        "call__scheme__name",
        "call__title",
        "reference",
        "organisation__name",
        "organisation__orgnr",
        "organisation__municipality__number",
        "status",
        "amount_applied",
        "granted_amount",
        "rejection_codes",
        "pk",
    )


def _paid_by_application(ids: list[int]) -> dict[int, int]:
    from integrering.grants.payments.models import Payment, PaymentStatus

    paid = (
        Payment.objects.filter(application_id__in=ids, status=PaymentStatus.PAID)
        .values("application_id")
        .annotate(total=Sum("amount"))
    )
    return {row["application_id"]: row["total"] for row in paid}


def _repaid_by_application(ids: list[int]) -> dict[int, int]:
    from integrering.grants.reclaims.models import Reclaim, ReclaimStatus

    repaid = (
        Reclaim.objects.filter(application_id__in=ids, status=ReclaimStatus.REPAID)
        .values("application_id")
        .annotate(total=Sum("amount"))
    )
    return {row["application_id"]: row["total"] for row in repaid}


def grants_report_rows(
    *, county: Any, year: int, scheme_code: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    applications = list(_applications(county=county, year=year, scheme_code=scheme_code))
    paid = _paid_by_application([a["pk"] for a in applications])
    repaid = _repaid_by_application([a["pk"] for a in applications])
    rows = [
        {
            "ordning": a["call__scheme__name"],
            "utlysning": a["call__title"],
            "referanse": a["reference"],
            "soker": a["organisation__name"],
            "orgnr": a["organisation__orgnr"],
            "kommunenummer": a["organisation__municipality__number"],
            "status": a["status"],
            "soknadsbelop": a["amount_applied"] or 0,
            "tilsagn": (a["granted_amount"] or 0) if a["status"] in COMMITTED else 0,
            "utbetalt": paid.get(a["pk"], 0),
            "tilbakebetalt": repaid.get(a["pk"], 0),
            "avslagsgrunner": ",".join(a["rejection_codes"]),
        }
        for a in applications
    ]
    sums: dict[str, Any] = dict.fromkeys(COLUMNS, "") | {"ordning": "Sum"}
    for name in AMOUNTS:
        sums[name] = sum(row[name] for row in rows)
    return rows, sums


def grants_report_csv(rows: list[dict[str, Any]], sums: dict[str, Any]) -> bytes:
    return write_csv(COLUMNS, [[row[c] for c in COLUMNS] for row in [*rows, sums]])


def grants_report_json(rows: list[dict[str, Any]], sums: dict[str, Any]) -> str:
    return json.dumps({"rows": rows, "sum": sums}, ensure_ascii=False, indent=2) + "\n"


def grants_report_xlsx(rows: list[dict[str, Any]], sums: dict[str, Any]) -> bytes:
    return write_xlsx(Sheet(_("Grants"), COLUMNS, [[row[c] for c in COLUMNS] for row in [*rows, sums]]))


def grants_section(*, county: Any, year: int) -> dict[str, Any] | None:
    """The annual report's section: the same rows' sums per scheme, or None when the year has no applications."""
    rows, sums = grants_report_rows(county=county, year=year)
    if not rows:
        return None
    schemes: dict[str, dict[str, int]] = {}
    for row in rows:
        entry = schemes.setdefault(row["ordning"], {"soknader": 0} | dict.fromkeys(AMOUNTS, 0))
        entry["soknader"] += 1
        for name in AMOUNTS:
            entry[name] += row[name]
    return {"year": year, "applications": len(rows), "schemes": schemes, "sum": {k: sums[k] for k in AMOUNTS}}


def grants_granted(*, county: Any, year: int) -> int | None:
    qs = Application.objects.for_county(county).filter(call__year=year).exclude(status=Status.DRAFT)
    if not qs.exists():
        return None
    return qs.filter(status__in=COMMITTED).aggregate(total=Sum("granted_amount"))["total"] or 0


def grants_paid(*, county: Any, year: int) -> int | None:
    """Paid out on the year's calls; None when the year has no applications."""
    from integrering.grants.payments.models import Payment, PaymentStatus

    if grants_granted(county=county, year=year) is None:
        return None
    paid = Payment.objects.filter(
        application__county=getattr(county, "pk", county), application__call__year=year, status=PaymentStatus.PAID
    )
    return paid.aggregate(total=Sum("amount"))["total"] or 0
