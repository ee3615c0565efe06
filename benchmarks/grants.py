"""Benchmark of grants with 5,000 applications across 20 calls.

Builds a temporary SQLite database (migrations, reference data), 20 schemes with a call each, 5,000 submitted
applications of 200 organisations with one assessment each, and prints: the call overview page (ranked, with
sums) — its query count for a small and a large call (it must be the same) and its time; the batch decision of
500 recommended applications in one call (the budget guard under the call's row lock); and `grants-report` for
the county and year (CSV and JSON).

Run: ``.venv/bin/python benchmarks/grants.py``
"""

from __future__ import annotations

import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

APPLICATIONS, CALLS, DECIDE = 5_000, 20, 500


def timed(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="integrering-bench-grants-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from stdnum.no import orgnr

    from integrering.accounts.services import user_save
    from integrering.core.models import County, User
    from integrering.core.roles import Role
    from integrering.grants.decisions.services import decisions_make
    from integrering.grants.models import Application, Assessment, Call, Organisation, Scheme, Status
    from integrering.municipalities.models import Municipality
    from integrering.municipalities.reference_data import reference_data_load

    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    reference_data_load()
    county = County.objects.get(number="50")
    year = datetime.date.today().year
    caseworker = user_save(
        user=User(username="tilskudd"), county=county, roles={Role.GRANT_CASEWORKER}, password="et-langt-passord-1"
    )
    municipality = Municipality.objects.get(number="5001")
    criteria = [{"code": "a", "name": "A", "weight": 50}, {"code": "b", "name": "B", "weight": 50}]
    calls = []
    for i in range(CALLS):
        scheme = Scheme.objects.create(
            county=county,
            code=f"s{i}",
            name=f"Ordning {i}",
            legal_basis="x",
            purpose="x",
            applicant_kinds=["organisation"],
            max_share_percent=50,
            criteria=criteria,
            payment_plan=[100],
            rejection_reasons=[{"code": "P1", "text": "x"}],
        )
        calls.append(
            Call.objects.create(
                county=county,
                scheme=scheme,
                year=year,
                title=f"Utlysning {i}",
                budget_frame=10**10,
                opens_on=datetime.date(year, 1, 1),
                closes_on=datetime.date(year, 12, 31),
                published=True,
            )
        )
    numbers = []
    stem = 91000000
    while len(numbers) < 200:
        stem += 1
        numbers += [f"{stem}{d}" for d in "0123456789" if orgnr.is_valid(f"{stem}{d}")][:1]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                county=county,
                name=f"Org {n}",
                orgnr=n,
                kind="organisation",
                municipality=municipality,
                bank_account="86011117947",
                email=f"o{n}@example.org",
            )
            for n in numbers
        ]
    )
    # The big call takes 1,000 applications (500 of them recommended, to decide); the rest share the others.
    big, small = calls[0], calls[1]
    rows = []
    for i in range(APPLICATIONS):
        call = big if i < 1_000 else calls[1 + i % (CALLS - 1)]
        recommended = call is big and i < DECIDE
        rows.append(
            Application(
                county=county,
                call=call,
                organisation=organisations[i % len(organisations)],
                status=Status.RECOMMENDED if recommended else Status.ASSESSMENT,
                reference=f"TS-{year}-{i + 1:04d}",
                project_title=f"Prosjekt {i}",
                amount_applied=100_000,
                recommendation="grant" if recommended else "",
                proposed_amount=100_000 if recommended else None,
                costs=[{"item": "x", "amount": 200_000}],
                financing=[{"source": "x", "amount": 100_000}],
            )
        )
    applications = Application.objects.bulk_create(rows, batch_size=1000)
    Assessment.objects.bulk_create(
        [
            Assessment(
                application=a,
                user=caseworker,
                scores={"a": i % 6, "b": (i * 7) % 6},
                weighted_score=Decimal(i % 6 + (i * 7) % 6) / 2,
                proposed_amount=100_000,
            )
            for i, a in enumerate(applications)
        ],
        batch_size=1000,
    )
    print(f"Data: {APPLICATIONS} søknader i {CALLS} utlysninger, {len(organisations)} organisasjoner ({workdir})")

    # As Django's test runner does: the request signals must not close the connection whose queries we count.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    import logging

    logging.getLogger("integrering.mail").setLevel(logging.WARNING)
    client = Client()
    client.force_login(caseworker, backend="django.contrib.auth.backends.ModelBackend")
    small_count = Application.objects.filter(call=small).count()
    for call, label in ((small, f"liten ({small_count} søknader)"), (big, "stor (1 000 søknader)")):
        url = f"/tilskudd/ordninger/utlysninger/{call.pk}/"
        client.get(url)
        connection.queries_log.clear()  # a full log (maxlen 9000, DEBUG=1) would count nothing
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        seconds, _ = timed(lambda url=url: client.get(url))
        print(f"Oversikt og rangering, {label}: {len(queries)} spørringer, {seconds * 1000:.0f} ms (median av 5)")

    ids = list(Application.objects.filter(call=big, status=Status.RECOMMENDED).values_list("pk", flat=True))
    start = time.perf_counter()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        decided = decisions_make(call=big, application_ids=ids, today=datetime.date(year, 6, 1))
    print(
        f"Samlet vedtak av {len(decided)} søknader: {time.perf_counter() - start:.2f} s, {len(queries)} spørringer "
        "(inkl. registrering av ett brev per søker)"
    )

    for fmt in ("csv", "json"):
        out = io.StringIO()
        seconds, _ = timed(
            lambda fmt=fmt, out=out: call_command(
                "grants-report", "--county", "50", "--year", str(year), "--format", fmt, stdout=io.StringIO()
            )
        )
        print(f"grants-report --format {fmt}: {seconds * 1000:.0f} ms (median av 5, {APPLICATIONS} rader)")


if __name__ == "__main__":
    main()
