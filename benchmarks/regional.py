"""Benchmark of regional work: the Enhetsregisteret import and the pages with many activities.

1. ``import-organisations`` on a 1,000,000-row Enhetsregisteret-shaped file (the bulk download's header names,
   ``,``-separated, quoted, gzip), 2 % of the rows voluntary entities in Trøndelag: wall and CPU time of the
   import, and the process's peak memory (max RSS: interpreter, Django and the import), in a fresh process
   against its own migrated SQLite database. Run twice: the second run is the re-import (all unchanged).
2. The activity list and the municipality page with 20,000 activities in the county (each reaching 1–4
   municipalities): median time of 5 requests and the number of queries, against 200 activities (the query
   count must be the same).

Run: ``.venv/bin/python benchmarks/regional.py [--rows 1000000] [--activities 20000]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))
MB = 1024 * 1024


def _django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()


def prepare(database: Path) -> None:
    _django(database)
    from django.core.management import call_command

    from integrering.municipalities.reference_data import reference_data_load

    call_command("migrate", verbosity=0)
    reference_data_load()


def write_file(path: Path, count: int) -> None:
    """A gzip CSV shaped like Enhetsregisteret's bulk download (fictional entities and numbers)."""
    from integrering.regional.organisations.numbers import fictional_orgnr
    from tests.regional.enhetsregisteret import HEADER, row

    rng = random.Random(13)
    trondelag = ["5001", "5006", "5007", "5014", "5020", "5025", "5028", "5035", "5038", "5054"]
    elsewhere = ["0301", "4601", "1103", "3301", "5501", "1804"]
    with gzip.open(path, "wt", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=HEADER, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writeheader()
        for i in range(count):
            ours = rng.random() < 0.02
            writer.writerow(
                row(
                    fictional_orgnr(i, start=10_000_000),
                    f"Enhet nummer {i}",
                    form="FLI" if ours else rng.choice(["AS", "ENK", "FLI", "STI"]),
                    municipality=rng.choice(trondelag) if ours or rng.random() < 0.1 else rng.choice(elsewhere),
                    voluntary=ours,
                    bankrupt=ours and rng.random() < 0.01,
                )
            )


def import_child(database: Path, path: Path) -> None:
    _django(database)
    from integrering.core.models import County
    from integrering.regional.organisations.imports import organisations_import

    started, cpu = time.perf_counter(), time.process_time()
    summary = organisations_import(county=County.objects.get(number="50"), path=path)
    figures = summary.as_dict() | {
        "wall": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    figures.pop("errors")
    print(json.dumps(figures))


def _activities(county, adviser, count: int) -> None:
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.regional.activities.models import Activity, ActivityArea

    rng = random.Random(7)
    municipalities = list(Municipality.objects.for_county(county).valid_in(2025).values_list("pk", flat=True))
    start = Activity.objects.count()
    made = Activity.objects.bulk_create(
        [
            Activity(
                county=county,
                title=f"Aktivitet {start + i}",
                activity_type="course",
                start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 365),
                participants_nav=i % 9,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    Through = Activity.municipalities.through
    Through.objects.bulk_create(
        [
            Through(activity_id=a.pk, municipality_id=m)
            for a in made
            for m in rng.sample(municipalities, rng.randint(1, 4))
        ],
        batch_size=5000,
    )
    ActivityArea.objects.bulk_create(
        [ActivityArea(activity_id=a.pk, area=rng.choice([2, 3, 4, 6])) for a in made], batch_size=5000
    )
    Activity.advisers.through.objects.bulk_create(
        [Activity.advisers.through(activity_id=a.pk, user_id=adviser.pk) for a in made], batch_size=5000
    )


def pages_child(database: Path, count: int) -> None:
    _django(database)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from integrering.accounts.services import user_save
    from integrering.core.models import County, User
    from integrering.core.roles import Role

    setup_test_environment()
    county = County.objects.get(number="50")
    adviser = user_save(
        user=User(username="benk"), county=county, roles={Role.ADVISER}, password="benk-passord-langt-nok"
    )
    client = Client()
    client.force_login(adviser, backend="django.contrib.auth.backends.ModelBackend")
    results = {}
    for label, total in (("small", 200), ("large", count)):
        _activities(county, adviser, total - (results and 200 or 0))
        for name, path in (
            ("list", "/regionalt/aktiviteter/"),
            ("municipality", "/kommuner/5001/"),
            ("filtered", "/regionalt/aktiviteter/?area=3&kommune=5001"),
        ):
            times = []
            for _ in range(5):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(path, HTTP_HOST="127.0.0.1")
                    times.append(time.perf_counter() - started)
                assert response.status_code == 200, response.status_code
            results[f"{name}_{label}"] = {"median_ms": statistics.median(times) * 1000, "queries": len(queries)}
    print(json.dumps(results))


def run(*arguments: str) -> str:
    result = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, database, *rest = args.child
        {
            "prepare": lambda: prepare(Path(database)),
            "write": lambda: write_file(Path(rest[0]), int(rest[1])),
            "import": lambda: import_child(Path(database), Path(rest[0])),
            "pages": lambda: pages_child(Path(database), int(rest[0])),
        }[kind]()
        return
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.sqlite3"
        run("--child", "prepare", str(base))
        data = Path(folder) / "enheter.csv.gz"
        started = time.perf_counter()
        run("--child", "write", str(base), str(data), str(args.rows))
        print(
            f"Enhetsregisteret-shaped file: {args.rows:,} rows, {data.stat().st_size / MB:.1f} MB gzip "
            f"(written in {time.perf_counter() - started:.1f} s)"
        )
        database = Path(folder) / "import.sqlite3"
        database.write_bytes(base.read_bytes())
        for label in ("first import", "re-import"):
            f = json.loads(run("--child", "import", str(database), str(data)))
            print(
                f"{label}: {f['wall']:.1f} s wall, {f['cpu']:.1f} s CPU, peak RSS {f['rss'] / MB:.0f} MB; "
                f"new {f['new']}, updated {f['updated']}, unchanged {f['unchanged']}, marked {f['marked']}, skipped {f['skipped']}"
            )
        pages = Path(folder) / "pages.sqlite3"
        pages.write_bytes(base.read_bytes())
        f = json.loads(run("--child", "pages", str(pages), str(args.activities)))
        for key, value in f.items():
            print(f"{key}: {value['median_ms']:.0f} ms median, {value['queries']} queries")


if __name__ == "__main__":
    main()
