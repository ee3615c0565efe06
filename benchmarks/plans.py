"""Benchmark of the plan page and the annual report with 500 measures and 10 years of data.

Fills a temporary SQLite database: the reference data, ten settlement years of Trøndelag (50) with figures for
every municipality, a plan of ten years (7 focus areas, 49 goals, 500 measures, each with a responsible person,
four status updates a year = 20 000 updates, one indicator per goal with a target for each year and hand-entered
values, half of them automatic from the settlement metric). Renders through the Django test client, logged in as a
leader: the plan page (also with 50 measures first, to show that the number of queries does not grow), the
measure page, the annual report page; builds the annual report (JSON, PDF, DOCX) and completes a period report.
Prints the median time of N runs and the number of queries.

Run: ``.venv/bin/python benchmarks/plans.py [--repeat 5]``
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

FIRST, LAST = 2016, 2025
MEASURES = 500


def setup_django(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "integrering.settings"
    import django

    django.setup()


def fill_settlement(county, rng) -> None:
    from integrering.municipalities.models import Municipality
    from integrering.settlement.models import SettlementFigure, SettlementYear

    Municipality.objects.filter(county=county, valid_from=county.valid_from).update(valid_from=FIRST)
    municipalities = list(Municipality.objects.filter(county=county))
    figures = []
    for year in range(FIRST, LAST + 1):
        settlement_year = SettlementYear.objects.create(county=county, year=year, total=600)
        for m in municipalities:
            if m.is_valid_in(year):
                requested = rng.choice([0, 5, 10, 20, 140])
                figures.append(
                    SettlementFigure(
                        settlement_year=settlement_year,
                        municipality=m,
                        recommended=requested,
                        requested=requested,
                        decided=requested,
                        settled=rng.randint(0, requested),
                    )
                )
    SettlementFigure.objects.bulk_create(figures, batch_size=2000)


def fill_plan(county, user, rng, *, slug: str, measures_wanted: int):
    from django.utils import timezone

    from integrering.plans.models import (
        FocusArea,
        Goal,
        Indicator,
        IndicatorTarget,
        IndicatorValue,
        Measure,
        Plan,
        StatusUpdate,
    )

    plan = Plan.objects.create(county=county, title=f"Plan {slug}", slug=slug, first_year=FIRST, last_year=LAST)
    goals = []
    for a in range(1, 8):
        area = FocusArea.objects.create(plan=plan, identifier=str(a), title=f"Fokusområde {a}")
        goals += [
            Goal.objects.create(focus_area=area, identifier=f"{a}.{g}", title=f"Mål {a}.{g}") for g in range(1, 8)
        ]
    now = timezone.now()
    measures = Measure.objects.bulk_create(
        Measure(
            goal=goals[i % len(goals)],
            identifier=f"{i + 1}",
            title=f"Tiltak {i + 1}",
            primary_person=user,
            status="in_progress",
            light=rng.choice(["green", "yellow", "red"]),
            light_comment="Kommentar",
            last_update_at=now,
        )
        for i in range(measures_wanted)
    )
    updates = [
        StatusUpdate(
            measure=m,
            author=user,
            created_at=now - datetime.timedelta(days=91 * q),
            text="Status",
            status="in_progress",
            light="green",
        )
        for m in measures
        for q in range(4 * (LAST - FIRST + 1))
    ]
    StatusUpdate.objects.bulk_create(updates, batch_size=2000)
    for n, goal in enumerate(goals):
        indicator = Indicator.objects.create(
            goal=goal, name=f"Indikator {goal.identifier}", metric_key="settlement.settled_share" if n % 2 else ""
        )
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=indicator, year=y, value=80) for y in range(FIRST, LAST + 1)
        )
        if not indicator.metric_key:
            IndicatorValue.objects.bulk_create(
                IndicatorValue(indicator=indicator, year=y, value=rng.randint(50, 100)) for y in range(FIRST, LAST + 1)
            )
    return plan, len(updates)


def timed(run, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        queries = len(context)
    return statistics.median(times) * 1000, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(str(Path(folder) / "benchmark.sqlite3"))
        from django.core.management import call_command
        from django.test import Client

        from integrering.accounts.services import user_save
        from integrering.core.models import County, User
        from integrering.core.roles import Role
        from integrering.municipalities.reference_data import reference_data_load
        from integrering.plans.annual_report.builder import annual_report_build
        from integrering.plans.annual_report.render import annual_report_render
        from integrering.plans.models import Measure
        from integrering.plans.reports.services import report_complete, report_create

        call_command("migrate", verbosity=0)
        reference_data_load()
        rng = random.Random(14)
        county = County.objects.get(number="50")
        user = user_save(
            user=User(username="leder"),
            county=county,
            roles={Role.LEADER, Role.ADVISER},
            password="benchmark-passord-langt-nok",
        )
        fill_settlement(county, rng)
        small, _n = fill_plan(county, user, rng, slug="liten", measures_wanted=50)
        plan, updates = fill_plan(county, user, rng, slug="stor", measures_wanted=MEASURES)
        print(
            f"Fylt: plan {FIRST}–{LAST} med {MEASURES} tiltak, {updates} statusoppdateringer, 49 indikatorer; "
            f"{LAST - FIRST + 1} bosettingsår for 50 Trøndelag."
        )
        client = Client(HTTP_HOST="localhost")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        measure = Measure.objects.filter(goal__focus_area__plan=plan).first()

        def page(url):
            def run():
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            return run

        rows = [
            ("planside, 50 tiltak", page(f"/planer/{small.pk}/")),
            (f"planside, {MEASURES} tiltak", page(f"/planer/{plan.pk}/")),
            ("tiltaksside (40 oppdateringer)", page(f"/planer/tiltak/{measure.pk}/")),
            ("offentlig planside", lambda: None),
            (f"årsrapport-side {LAST}", page(f"/planer/arsrapport/?aar={LAST}")),
            (
                f"årsrapport JSON {LAST}",
                lambda: annual_report_render(annual_report_build(county=county, year=LAST), "json"),
            ),
            (
                f"årsrapport PDF {LAST}",
                lambda: annual_report_render(annual_report_build(county=county, year=LAST), "pdf"),
            ),
            (
                f"årsrapport DOCX {LAST}",
                lambda: annual_report_render(annual_report_build(county=county, year=LAST), "docx"),
            ),
        ]
        plan.public = True
        plan.save()
        rows[3] = ("offentlig planside", page(f"/planer/{plan.slug}/"))
        for label, run in rows:
            run()  # warm up
            median, queries = timed(run, args.repeat)
            print(f"  {label:<32} median {median:8.1f} ms  {queries:4d} spørringer")
        report = report_create(
            plan=plan, title="Rapport", start=datetime.date(LAST, 1, 1), end=datetime.date(LAST, 12, 31)
        )
        median, queries = timed(lambda: None, 1)
        start = time.perf_counter()
        report_complete(report=report, user=user)
        print(
            f"  {'fullføre perioderapport':<32} {1000 * (time.perf_counter() - start):8.1f} ms  (snapshot av {MEASURES} tiltak)"
        )
        median, queries = timed(page(f"/planer/rapporter/{report.pk}/"), args.repeat)
        print(f"  {'fullført rapport-side':<32} median {median:8.1f} ms  {queries:4d} spørringer")


if __name__ == "__main__":
    main()
