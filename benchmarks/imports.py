"""Benchmark of the participant import: peak memory and time for a 200,000-row CSV and a 50,000-row XLSX.

Each import runs in a fresh process through the real service (``participants.imports.import_plan`` then
``import_apply``: the tabular readers with their limits, the column framework, the checks, the bulk writes with
their audit entries and the re-evaluation) against its own copy of a temporary SQLite database that has been
migrated and loaded with the reference data. The files are fictitious participants (no real names, no identity
numbers) in the municipalities of Trøndelag (county 50), written with ``tabular``'s writers into a temporary
directory; the CSV keeps to few columns so that 200,000 rows stay under the 20 MB file limit.

Prints, per case: the file size, the wall time of the import (plan + apply; on a shared machine it depends on the
other load), the CPU time of the process for it, and the process's peak memory (max RSS, the process as a whole:
interpreter, Django and the import).

Run: ``.venv/bin/python benchmarks/imports.py [--csv-rows 200000] [--xlsx-rows 50000]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
MB = 1024 * 1024
HEADER = ["referanse", "kommunenummer", "navn", "fodselsdato", "tillatelse", "bosettingsdato", "kartlagt_dato"]
PERMITS = ["flyktning"] * 6 + ["overforingsflyktning", "familie_til_flyktning", "kollektiv_beskyttelse", "annen"]


def _django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()


def prepare(database: Path) -> None:
    """Migrate a new database and load the reference data (run in its own process)."""
    _django(database)
    from django.core.management import call_command

    from integrering.municipalities.reference_data import reference_data_load

    call_command("migrate", verbosity=0)
    reference_data_load()


def rows(numbers: list[str], count: int, seed: int = 2021):
    rng = random.Random(seed)
    for i in range(count):
        settled = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(900))
        born = settled - datetime.timedelta(days=rng.randrange(16 * 365, 60 * 365))
        mapped = settled + datetime.timedelta(days=rng.randrange(0, 40)) if rng.random() < 0.8 else None
        yield [f"B{i:06d}", rng.choice(numbers), f"Fiktiv {i}", born, rng.choice(PERMITS), settled, mapped]


def write_files(database: Path, folder: Path, csv_rows: int, xlsx_rows: int) -> tuple[Path, Path]:
    """The two files, with municipalities valid this year in county 50 (run in its own process)."""
    _django(database)
    from django.db.models import Q

    from integrering.municipalities.models import Municipality
    from integrering.tabular import Sheet, write_csv, write_xlsx

    year = datetime.date.today().year
    numbers = list(
        Municipality.objects.filter(county__number="50", valid_from__lte=year)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
        .values_list("number", flat=True)
    )
    csv_path, xlsx_path = folder / "deltakere.csv", folder / "deltakere.xlsx"
    with csv_path.open("wb") as stream:
        write_csv(HEADER, rows(numbers, csv_rows), stream)
    with xlsx_path.open("wb") as stream:
        write_xlsx(Sheet("Deltakere", HEADER, rows(numbers, xlsx_rows)), stream)
    return csv_path, xlsx_path


def child(database: Path, path: Path) -> None:
    """Import ``path`` for county 50 in this fresh process; print the figures as JSON."""
    _django(database)
    from integrering.core.models import County
    from integrering.guidance.participants import imports

    county = County.objects.get(number="50")
    started, cpu_started = time.perf_counter(), time.process_time()
    with path.open("rb") as handle:
        plan = imports.import_plan(county=county, content=handle, filename=path.name)
    planned = time.perf_counter()
    if not plan.ok:
        raise SystemExit("\n".join(plan.errors[:10]))
    result = imports.import_apply(plan)
    done, cpu = time.perf_counter(), time.process_time() - cpu_started
    print(
        json.dumps(
            {
                "rows": len(plan.rows),
                "created": result.created,
                "plan": planned - started,
                "apply": done - planned,
                "cpu": cpu,
                "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,  # Linux: kilobytes
            }
        )
    )


def run(*arguments: str) -> str:
    command = [sys.executable, __file__, *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-rows", type=int, default=200_000)
    parser.add_argument("--xlsx-rows", type=int, default=50_000)
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.step:
        step, database, *rest = options.step
        if step == "prepare":
            prepare(Path(database))
        elif step == "files":
            write_files(Path(database), Path(rest[0]), int(rest[1]), int(rest[2]))
        else:
            child(Path(database), Path(rest[0]))
        return
    with tempfile.TemporaryDirectory(prefix="integrering-imports-") as directory:
        folder = Path(directory)
        template = folder / "template.sqlite3"
        run("--step", "prepare", str(template))
        run("--step", "files", str(template), str(folder), str(options.csv_rows), str(options.xlsx_rows))
        results = []
        for name in ("deltakere.csv", "deltakere.xlsx"):
            database = folder / f"{name}.sqlite3"
            shutil.copy(template, database)
            path = folder / name
            figures = json.loads(run("--step", "import", str(database), str(path)).strip().splitlines()[-1])
            results.append((name, path.stat().st_size, figures))
    print(f"Python {sys.version.split()[0]}, SQLite, county 50; each import in a fresh process")
    print(f"{'file':<16} {'size':>9} {'rows':>8} {'plan':>8} {'apply':>8} {'total':>8} {'CPU':>8} {'max RSS':>9}")
    for name, size, f in results:
        total = f["plan"] + f["apply"]
        print(
            f"{name:<16} {size / MB:>6.1f} MB {f['rows']:>8,} {f['plan']:>7.1f}s {f['apply']:>7.1f}s {total:>7.1f}s "
            f"{f['cpu']:>7.1f}s "
            f"{f['rss'] / MB:>6.0f} MB"
        )


if __name__ == "__main__":
    main()
