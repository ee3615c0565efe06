"""Benchmark of the settlement pages with all counties' municipalities and ten years of figures.

Fills a temporary SQLite database (reference data for all counties, ten settlement years per county,
ending with the county's last year, with figures for every municipality valid that year; the reference
data starts in 2020, so the municipalities valid from a county's first year are made valid from the first
of the ten years in this database, and the script says so), then renders through the Django test client,
logged in as an adviser of the county, the year page, the map and the municipality page of the county's
largest municipality, for Trøndelag (50) and for the county with the most municipalities. Prints the
median time of N renders and the number of queries of each page.

Run: ``.venv/bin/python benchmarks/settlement_pages.py [--repeat 15]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def setup_django(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()


YEARS = 10
LAST_YEAR = 2025


def county_years(county) -> range:
    """Ten settlement years ending with the county's last year (2025, or the year before it was merged)."""
    last = min(county.valid_to or LAST_YEAR, LAST_YEAR)
    return range(last - YEARS + 1, last + 1)


def extend_validity(county, years: range) -> int:
    """The reference data starts in 2020: a municipality valid from the county's first year is made valid
    from the first of the ten years, in this temporary database only. Returns how many were changed."""
    from integrering.municipalities.models import Municipality

    return Municipality.objects.filter(county=county, valid_from=county.valid_from, valid_from__gt=years.start).update(
        valid_from=years.start
    )


def fill() -> None:
    from django.core.management import call_command

    from integrering.core.models import County
    from integrering.municipalities.models import Municipality
    from integrering.municipalities.reference_data import reference_data_load
    from integrering.settlement.models import SettlementFigure, SettlementYear

    call_command("migrate", verbosity=0)
    reference_data_load()
    rng = random.Random(2021)
    extended = 0
    for county in County.objects.all():
        extended += extend_validity(county, county_years(county))
    municipalities = list(Municipality.objects.all())
    figures = []
    for county in County.objects.all():
        for year in county_years(county):
            settlement_year = SettlementYear.objects.create(county=county, year=year, total=rng.randint(300, 900))
            for m in municipalities:
                if m.county_id != county.pk or not m.is_valid_in(year):
                    continue
                requested = rng.choice([0, 0, 5, 10, 14, 20, 30, 140])
                decided = rng.choice([requested, requested, 0, None])
                settled = None if decided is None else rng.randint(0, decided)
                figures.append(
                    SettlementFigure(
                        settlement_year=settlement_year,
                        municipality=m,
                        recommended=requested,
                        requested=requested,
                        decided=decided,
                        settled=settled,
                    )
                )
    SettlementFigure.objects.bulk_create(figures, batch_size=2000)
    print(
        f"Fylt: {County.objects.count()} fylker, {len(municipalities)} kommuner, {SettlementYear.objects.count()} "
        f"bosettingsår ({YEARS} per fylke, til fylkets siste år), {len(figures)} tallrader."
    )
    print(
        f"Syntetisk: referansedataene begynner i 2020, så {extended} kommuner som var gyldige fra fylkets første "
        f"år, er gjort gyldige fra det første av de {YEARS} årene (bare i denne midlertidige databasen)."
    )


def measure(client, url: str, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context)
    return statistics.median(times) * 1000, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "benchmark.sqlite3"))
        from django.db.models import Count
        from django.test import Client

        from integrering.accounts.services import user_save
        from integrering.core.models import County, User
        from integrering.core.roles import Role
        from integrering.municipalities.models import Municipality, Population
        from integrering.settlement.models import SettlementFigure

        fill()
        largest = (
            County.objects.annotate(n=Count("municipalities")).exclude(number="50").order_by("-n", "number").first()
        )
        for county in (County.objects.get(number="50"), largest):
            years = county_years(county)
            year = years[-1]
            numbers = [m.number for m in Municipality.objects.filter(county=county) if m.is_valid_in(year)]
            with_figures = (
                SettlementFigure.objects.filter(settlement_year__county=county).values("settlement_year").distinct()
            )
            biggest = (
                Population.objects.filter(municipality__number__in=numbers, year__lte=year)
                .order_by("-total")
                .values_list("municipality__number", flat=True)
                .first()
            )
            user = user_save(
                user=User(username=f"bench{county.number}"),
                county=county,
                roles={Role.ADVISER},
                password="benchmark-passord-langt-nok",
            )
            client = Client(HTTP_HOST="localhost")
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            print(
                f"\n{county.number} {county.name}: {len(numbers)} kommuner i {year}, tall for {with_figures.count()} år "
                f"({years.start}–{year})"
            )
            for label, url in (
                ("årsside", f"/bosetting/{year}/"),
                ("kart", f"/bosetting/{year}/kart/"),
                ("kart per 1000", f"/bosetting/{year}/kart/?tall=vedtatt-per-1000"),
                ("kommuneside", f"/kommuner/{biggest}/"),
                ("diagram", f"/bosetting/{year}/diagram/"),
                ("årsliste", "/bosetting/"),
            ):
                client.get(url)  # warm caches (geometry, templates)
                median, queries = measure(client, url, args.repeat)
                print(f"  {label:<14} {url:<42} median {median:7.1f} ms  {queries:3d} spørringer")


if __name__ == "__main__":
    main()
