"""Demo data for settlement: the seed's 2021 table and, clearly marked, fictitious figures for 2022–2026, and
2027 (the planning year on 03.12.2026) with IMDi's frame and deadlines but no figures yet.

``load`` is called by ``integrering load-demo-data`` (``make run``); it is deterministic (seeded per year and
municipality) and idempotent (years and recommendations are got or created, figures applied only if they differ).
"""

import csv
import datetime
import random

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


# The recent years: the frame relative to the seed's 2021 table, and the settled share reported so far.
RECENT = {2024: (1.55, 1.0), 2025: (1.05, 1.0), 2026: (0.8, 0.85)}
PLANNING_YEAR = 2027


def _recent(number: str, base: int, year: int) -> dict[str, int | None]:
    """A recent year's figures for one municipality: recommended and requested near the frame's share, most
    decide all, some less, a few no (and in the current year two have not decided yet); settled as reported."""
    rng = random.Random(f"demo-{year}-{number}")  # deterministic: a string seed is hashed with SHA-512
    factor, reported = RECENT[year]
    recommended = round(base * factor)
    requested = max(0, recommended + rng.choice((0, 0, 0, -1, 1, -2, 2))) if recommended else 0
    roll = rng.random()
    if not requested:
        decided: int | None = 0
    elif year == max(RECENT) and number in ("5035", "5044"):
        decided = None  # no decision yet: a warning after IMDi's deadline
    else:
        decided = requested if roll < 0.6 else (round(requested * rng.uniform(0.6, 0.9)) if roll < 0.9 else 0)
    settled = None if decided is None else min(decided, round(decided * reported * rng.uniform(0.85, 1.0)))
    minors = requested // 8
    return {
        "recommended": recommended,
        "requested": requested,
        "requested_ema": minors,
        "decided": decided,
        "decided_ema": None if decided is None else min(minors, decided // 8),
        "settled": settled,
        "settled_ema": None if settled is None else min(minors, settled // 8),
        "agreed_not_settled": None if decided is None or settled is None else decided - settled,
    }


def _recent_years(county, numbers: dict[str, int], municipalities: dict) -> None:
    for year in RECENT:
        rows = [(municipalities[n], _recent(n, v, year)) for n, v in numbers.items() if n in municipalities]
        settlement_year, _created = SettlementYear.objects.get_or_create(
            county=county,
            year=year,
            defaults={
                "total": sum(r["requested"] or 0 for _m, r in rows) + (6 if year == max(RECENT) else 0),
                "total_minors": sum(r["requested_ema"] or 0 for _m, r in rows),
                "frame_source": str(_("Made-up demo figures")),
                "frame_date": datetime.date(year - 1, 10, 15),
                "recommendation_deadline": datetime.date(year - 1, 12, 1),
                "decision_deadline": datetime.date(year, 3, 1),
                "notes": str(DEMO_NOTE),
            },
        )
        services.figures_apply(county=county, year=year, rows=rows)
        Recommendation.objects.get_or_create(
            settlement_year=settlement_year,
            version=1,
            defaults={
                "numbers": {m.number: r["recommended"] for m, r in rows},
                "minors": {m.number: r["requested_ema"] for m, r in rows},
                "method_description": str(_("Made-up demo recommendation.")),
            },
        )


def _planning_year(county, numbers: dict[str, int]) -> None:
    """Next year, in planning: IMDi's frame and the deadlines, no figures and no recommendation yet."""
    SettlementYear.objects.get_or_create(
        county=county,
        year=PLANNING_YEAR,
        defaults={
            "total": round(sum(numbers.values()) * 0.65),
            "total_minors": 24,
            "frame_source": str(_("Made-up demo figures")),
            "frame_date": datetime.date(PLANNING_YEAR - 1, 10, 20),
            "recommendation_deadline": datetime.date(PLANNING_YEAR - 1, 12, 18),
            "decision_deadline": datetime.date(PLANNING_YEAR, 3, 1),
            "notes": str(DEMO_NOTE),
        },
    )


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
    _recent_years(county, numbers, municipalities)
    _planning_year(county, numbers)
    stdout.write(
        _(
            "Settlement: 2021 from the seed table (sum %(sum)s); 2022–2026 with made-up demo figures; %(planning)s "
            "in planning."
        )
        % {"sum": sum(numbers.values()), "planning": PLANNING_YEAR}
        + "\n"
    )
