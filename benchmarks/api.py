"""Benchmark of the read API: median time and number of queries per call, Trøndelag (50), figures for 2024.

Fills a temporary SQLite database (reference data, the 2024 figures of every municipality of county 50, a
frozen recommendation), makes an adviser and a token, and calls each endpoint N times through the Django
test client with the Bearer token (token check, rate limit and JSON included).

Run: ``.venv/bin/python benchmarks/api.py [--repeat 30]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

ENDPOINTS = [
    "kommuner?year=2024",
    "kommuner/5001?year=2024",
    "bosetting",
    "bosetting/2024",
    "bosetting/2024/anbefaling",
]


def setup_django(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    os.environ["API_CALLS_PER_MINUTE"] = "1000000"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def fill() -> str:
    import io

    from django.core.management import call_command

    from integrering.accounts.services import user_save
    from integrering.api.services import api_token_create
    from integrering.core.models import County, User
    from integrering.core.roles import Role
    from integrering.municipalities.models import Municipality
    from integrering.settlement.figures import imports, services
    from integrering.settlement.recommendation.services import recommendation_make

    call_command("migrate", verbosity=0)
    call_command("load-reference-data", stdout=io.StringIO())
    county = County.objects.get(number="50")
    numbers = list(Municipality.objects.for_county(county).valid_in(2024).values_list("number", flat=True))
    lines = ["kommunenummer;anmodet;vedtatt;bosatt"] + [
        f"{n};{i % 40};{i % 30};{i % 7 or ''}" for i, n in enumerate(numbers)
    ]
    plan = imports.import_plan(county=county, year=2024, content="\n".join(lines).encode(), filename="b.csv")
    year = services.figures_apply(county=county, year=2024, rows=plan.rows)[0]
    user = user_save(
        user=User(username="bench"), county=county, roles={Role.ADVISER}, password="benk-passord-som-er-langt"
    )
    recommendation_make(settlement_year=year, user=user, numbers=dict.fromkeys(numbers, 10), reason="Benk")
    return api_token_create(user=user, name="benk")[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "bench.sqlite3"))
        import logging

        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        logging.getLogger("integrering.api").setLevel(logging.WARNING)  # one log line per call is not the point
        secret = fill()
        client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
        print(f"{'endpoint':32} {'median ms':>10} {'queries':>8} {'bytes':>8}")
        for endpoint in ENDPOINTS:
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = client.get(f"/api/v1/{endpoint}")
                times.append(time.perf_counter() - start)
                assert response.status_code == 200, (endpoint, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"/api/v1/{endpoint}")
            print(f"{endpoint:32} {statistics.median(times) * 1000:10.1f} {len(queries):8} {len(response.content):8}")


if __name__ == "__main__":
    main()
