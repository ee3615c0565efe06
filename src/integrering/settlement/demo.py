"""Demo data for settlement: the seed's 2021 table and, clearly marked, fictitious figures for 2022–2023.

``load`` is called by ``integrering load-demo-data`` (``make run``) and is idempotent.
"""

import csv
import datetime

from django.db import transaction

from integrering.municipalities.models import Municipality
from integrering.municipalities.reference_data import DATA_DIR
from integrering.settlement.figures import services
from integrering.settlement.models import Recommendation, SettlementYear, Stage

SEED_FILE = DATA_DIR / "anmodningstall_trondelag_2021.csv"
SEED_REASON = "Fra seed-presentasjonen"
DEMO_NOTE = "DEMODATA: fiktive tall, kun for å vise løsningen. Ikke ekte vedtak eller bosettinger."


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
    year, _ = SettlementYear.objects.get_or_create(
        county=county,
        year=2021,
        defaults={
            "total": sum(numbers.values()),
            "frame_source": SEED_REASON,
            "stage": Stage.REQUESTED,
            "frame_date": datetime.date(2020, 12, 1),
        },
    )
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
            "method_description": "Tabellen fra seed-presentasjonen (anmodningstall for Trøndelag 2021).",
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
                "frame_source": "Fiktive demotall",
                "stage": Stage.SETTLING,
                "notes": DEMO_NOTE,
            },
        )
        services.figures_apply(county=county, year=demo_year, rows=rows)
    stdout.write(f"Bosetting: 2021 fra seed-tabellen (sum {sum(numbers.values())}); 2022–2023 med fiktive demotall.\n")
