"""Benchmark of the settlement pages with all counties' municipalities and ten years of figures.

Fills a temporary SQLite database (reference data for all counties, ten settlement years per county
with figures for every municipality valid that year), then renders through the Django test client,
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


def fill(years: range) -> None:
    from django.core.management import call_command

    from integrering.core.models import County
    from integrering.municipalities.models import Municipality
    from integrering.municipalities.reference_data import reference_data_load
    from integrering.settlement.models import SettlementFigure, SettlementYear

    call_command("migrate", verbosity=0)
    reference_data_load()
    rng = random.Random(2021)
    municipalities = list(Municipality.objects.all())
    figures = []
    for county in County.objects.all():
        for year in years:
            settlement_year = SettlementYear.objects.create(county=county, year=year, total=rng.randint(300, 900))
            for m in municipalities:
                if m.county_id != county.pk or not m.is_valid_in(year):
                    continue
                requested = rng.choice([0, 0, 5, 10, 14, 20, 30, 140])
                decided = rng.choice([requested, requested, 0, None])
                settled = None if decided is None else rng.randint(0, decided)
                figures.append(SettlementFigure(settlement_year=settlement_year, municipality=m, recommended=requested,
                                                requested=requested, decided=decided, settled=settled))
    SettlementFigure.objects.bulk_create(figures, batch_size=2000)
    print(f"Fylt: {County.objects.count()} fylker, {len(municipalities)} kommuner, {SettlementYear.objects.count()} "
          f"bosettingsår, {len(figures)} tallrader.")


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

        from integrering.core.models import County, User
        from integrering.core.roles import Role
        from integrering.core.services import user_save
        from integrering.municipalities.models import Municipality, Population

        fill(range(2016, 2026))
        largest = (County.objects.annotate(n=Count("municipalities")).exclude(number="50").order_by("-n", "number").first())
        for county in (County.objects.get(number="50"), largest):
            valid_to = county.valid_to or 2025
            year = min(valid_to, 2025)
            numbers = [m.number for m in Municipality.objects.filter(county=county) if m.is_valid_in(year)]
            biggest = (Population.objects.filter(municipality__number__in=numbers, year__lte=year)
                       .order_by("-total").values_list("municipality__number", flat=True).first())
            user = user_save(user=User(username=f"bench{county.number}"), county=county, roles={Role.ADVISER},
                             password="benchmark-passord-langt-nok")
            client = Client(HTTP_HOST="localhost")
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            print(f"\n{county.number} {county.name}: {len(numbers)} kommuner i {year}, 10 år med tall")
            for label, url in (("årsside", f"/bosetting/{year}/"), ("kart", f"/bosetting/{year}/kart/"),
                               ("kart per 1000", f"/bosetting/{year}/kart/?tall=vedtatt-per-1000"),
                               ("kommuneside", f"/kommuner/{biggest}/")):
                client.get(url)  # warm caches (geometry, templates)
                median, queries = measure(client, url, args.repeat)
                print(f"  {label:<14} {url:<42} median {median:7.1f} ms  {queries:3d} spørringer")


if __name__ == "__main__":
    main()
