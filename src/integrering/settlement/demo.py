"""Demo data for settlement: the seed's 2021 table and, clearly marked, fictitious figures for 2022–2023.

``load`` is called by ``integrering load-demo-data`` (``make run``) and is idempotent.
"""

import csv
import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.municipalities.models import Municipality
from integrering.municipalities.reference_data import DATA_DIR
from integrering.settlement.figures import services
from integrering.settlement.models import Recommendation, SettlementYear

SEED_FILE = DATA_DIR / "anmodningstall_trondelag_2021.csv"
SEED_REASON = gettext_lazy("From the seed presentation")
DEMO_NOTE = gettext_lazy("DEMO DATA: made-up figures, only to show the application. Not real decisions or settlements.")


def seed_numbers() -> dict[str, int]:
    with open(SEED_FILE, encoding="utf-8-sig", newline="") as handle:
        return {row["kommunenummer"]: int(row["anmodning"]) for row in csv.DictReader(handle)}


def _fictitious(number: str, base: int, year: int) -> dict[str, int]:
    """Plausible, deterministic made-up figures: some say yes to all, some to less, a few no."""
    seed = (int(number) * 7919 + year * 104729) % 100
    requested = round(base * (1.25 if year == 2022 else 0.85))
    if requested == 0:
        return {"requested": 0, "decided": 0, "settled": 0}
    decided = requested if seed < 60 else (round(requested * 0.7) if seed < 90 else 0)
    settled = min(decided, round(decided * (0.8 + seed % 20 / 100)))
    return {
        "requested": requested,
        "decided": decided,
        "settled": settled,
        "requested_ema": requested // 10,
        "decided_ema": decided // 10,
        "settled_ema": settled // 10,
    }


@transaction.atomic
def load(*, county, stdout) -> None:
    if county.number != "50":
        return
    numbers = seed_numbers()
    municipalities = {m.number: m for m in Municipality.objects.filter(number__in=numbers)}
    year = SettlementYear.objects.get_or_create(
        county=county,
        year=2021,
        defaults={
            "total": sum(numbers.values()),
            "frame_source": str(SEED_REASON),
            "frame_date": datetime.date(2020, 12, 1),
        },
    )[0]
    services.figures_apply(
        county=county,
        year=2021,
        rows=[(municipalities[n], {"recommended": v, "requested": v}) for n, v in numbers.items()],
    )
    Recommendation.objects.get_or_create(
        settlement_year=year,
        version=1,
        defaults={
            "numbers": numbers,  # version 1 changes nothing, so it has no reason for a change
            "method_description": str(_("The table from the seed presentation (requests for Trøndelag 2021).")),
        },
    )
    for demo_year in (2022, 2023):
        rows = [(municipalities[n], _fictitious(n, v, demo_year)) for n, v in numbers.items()]
        total = sum(r[1]["requested"] for r in rows)
        SettlementYear.objects.get_or_create(
            county=county,
            year=demo_year,
            defaults={
                "total": total,
                "frame_source": str(_("Made-up demo figures")),
                "notes": str(DEMO_NOTE),
            },
        )
        services.figures_apply(county=county, year=demo_year, rows=rows)
    stdout.write(
        _("Settlement: 2021 from the seed table (sum %(sum)s); 2022–2023 with made-up demo figures.")
        % {"sum": sum(numbers.values())}
        + "\n"
    )
