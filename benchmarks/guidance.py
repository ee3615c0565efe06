"""Benchmark of career guidance with 50,000 participants across all counties.

Generates a CSV of 50,000 fictitious participants (no names of real persons, no identity numbers) spread
over the municipalities valid this year, imports it into a temporary SQLite database (the multi-county
path of ``imports.import_plan(county=None)``), opens 2,000 referrals in Trøndelag, and prints: the import
time, the time and query count of a counsellor's queue and the compliance page for county 50 (through
the Django test client when the URLs ``guidance:queue`` and ``guidance:compliance`` exist; otherwise
the selectors directly, and it says so), and the nightly re-evaluation time.

Run: ``.venv/bin/python benchmarks/guidance.py [--rows 50000]``
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

COLUMNS = (
    "referanse",
    "navn",
    "fodselsdato",
    "fodselsnummer",
    "kommunenummer",
    "tillatelse",
    "tillatelsesdato",
    "bosettingsdato",
    "bosatt_etter_avtale",
    "utdanningsniva",
    "kartlagt_dato",
    "veiledning_fullfort_dato",
    "vedtak_dato",
    "programstart",
    "sluttmal",
    "varighet_mnd",
    "forlengelse_mnd",
    "fulltid_vgo",
)
PERMITS = ["flyktning"] * 6 + ["overforingsflyktning", "familie_til_flyktning", "kollektiv_beskyttelse", "annen"]
EDUCATION = ["ingen", "grunnskole", "grunnskole", "videregaende", "hoyere", ""]
GOALS = ["videregaende", "arbeid", "hoyere_utdanning", "annet"]


def fictitious_csv(numbers: list[str], rows: int, seed: int = 2021) -> bytes:
    rng = random.Random(seed)
    today = datetime.date.today()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(COLUMNS)

    def iso(day):
        return day.isoformat() if day else ""

    for i in range(rows):
        settled = datetime.date(2021, 1, 1) + datetime.timedelta(
            days=rng.randrange((today - datetime.date(2021, 1, 1)).days)
        )
        born = settled - datetime.timedelta(days=rng.randrange(16 * 365, 60 * 365))
        permit = settled - datetime.timedelta(days=rng.randrange(20, 200))
        mapped = settled + datetime.timedelta(days=rng.randrange(-30, 40)) if rng.random() < 0.9 else None
        guided = settled + datetime.timedelta(days=rng.randrange(10, 120)) if rng.random() < 0.6 else None
        decided = settled + datetime.timedelta(days=rng.randrange(20, 150)) if rng.random() < 0.8 else None
        started = decided + datetime.timedelta(days=rng.randrange(0, 40)) if decided else None
        guided = guided if guided and guided <= today else None
        decided = decided if decided and decided <= today else None
        writer.writerow(
            [
                f"B{i:06d}",
                f"Fiktiv Deltaker {i}",
                born.strftime("%d.%m.%Y"),
                "",
                rng.choice(numbers),
                rng.choice(PERMITS),
                iso(permit),
                iso(settled),
                rng.choice(["ja", "ja", "ja", "nei", ""]),
                rng.choice(EDUCATION),
                iso(mapped),
                iso(guided),
                iso(decided),
                iso(started),
                rng.choice(GOALS) if decided else "",
                rng.randrange(3, 30) if decided else "",
                rng.choice(["", "", "0", "3", "8"]),
                rng.choice(["nei", "nei", "ja", ""]),
            ]
        )
    return out.getvalue().encode("utf-8")


def measure(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    return elapsed, len(queries), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="integrering-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db.models import Q
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from integrering.accounts.services import user_save
    from integrering.core.models import County, User
    from integrering.core.roles import Role
    from integrering.guidance.cases.selectors import queue_for_counsellor
    from integrering.guidance.compliance.selectors import compliance_for_user
    from integrering.guidance.compliance.services import participants_refresh
    from integrering.guidance.models import GuidanceCase, Participant, Referral
    from integrering.guidance.participants.imports import import_apply, import_plan
    from integrering.municipalities.models import Municipality
    from integrering.municipalities.reference_data import reference_data_load

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    reference_data_load()
    year = datetime.date.today().year
    numbers = list(
        Municipality.objects.filter(valid_from__lte=year)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))
        .values_list("number", flat=True)
    )
    content = fictitious_csv(numbers, args.rows)
    (workdir / "deltakere.csv").write_bytes(content)
    print(f"Fil: {args.rows} deltakere i {len(numbers)} kommuner ({len(content) / 1e6:.1f} MB), {workdir}")

    start = time.perf_counter()
    plan = import_plan(county=None, content=content, filename="deltakere.csv")
    checked = time.perf_counter() - start
    assert plan.ok, plan.errors[:5]
    result = import_apply(plan)
    total = time.perf_counter() - start
    print(
        f"Import: {total:.1f} s i alt (kontroll {checked:.1f} s, lagring og vurdering {total - checked:.1f} s); "
        f"{result.created} nye, {result.guidance_completed} med fullført veiledning"
    )
    start = time.perf_counter()
    again = import_apply(import_plan(county=None, content=content, filename="deltakere.csv"))
    print(
        f"Ny import av samme fil: {time.perf_counter() - start:.1f} s; {again.updated} oppdatert, "
        f"{Participant.objects.count()} deltakere i basen"
    )

    trondelag = County.objects.get(number="50")
    counsellor = user_save(
        user=User(username="bench-veileder"),
        county=trondelag,
        roles={Role.CAREER_COUNSELLOR},
        password="benchmark-passord-langt",
    )
    waiting = list(
        Participant.objects.filter(county=trondelag, guidance_case__isnull=True).values_list("pk", flat=True)[:2000]
    )
    GuidanceCase.objects.bulk_create([GuidanceCase(participant_id=pk, status="referred") for pk in waiting])
    Referral.objects.bulk_create([Referral(participant_id=pk) for pk in waiting])
    print(
        f"Trøndelag: {Participant.objects.filter(county=trondelag).count()} deltakere, {len(waiting)} henvisninger i køen"
    )

    try:
        urls = {"kø": reverse("guidance:queue"), "etterlevelse": reverse("guidance:compliance")}
    except NoReverseMatch:
        urls = None
    if urls:
        client = Client()
        client.force_login(counsellor, backend="django.contrib.auth.backends.ModelBackend")
        for label, url in urls.items():
            client.get(url)  # warm up
            elapsed, count, response = measure(lambda url=url: client.get(url))
            print(
                f"Side {label} ({url}): {elapsed * 1000:.0f} ms, {count} spørringer, status {response.status_code}, "
                f"{len(response.content) / 1000:.0f} kB"
            )
    else:
        print("URLene guidance:queue og guidance:compliance finnes ikke ennå; måler selektorene direkte.")

    def queue():
        q = queue_for_counsellor(counsellor)
        return len(list(q.referred)) + len(list(q.booked)) + len(list(q.completed))

    elapsed, count, rows = measure(queue)
    print(f"Selektor kø: {elapsed * 1000:.0f} ms, {count} spørringer, {rows} saker")
    elapsed, count, compliance = measure(lambda: compliance_for_user(counsellor))
    print(
        f"Selektor etterlevelse (fylke 50): {elapsed * 1000:.0f} ms, {count} spørringer, "
        f"{len(compliance.rows)} kommuner, andel før vedtak {compliance.total.share_before_decision:.2f}, "
        f"median {compliance.total.median_days} dager"
    )
    elapsed, count, refreshed = measure(
        lambda: participants_refresh(today=datetime.date.today() + datetime.timedelta(days=1))
    )
    print(f"Nattlig ny vurdering: {elapsed:.1f} s, {count} spørringer, {refreshed} deltakere")


if __name__ == "__main__":
    main()
