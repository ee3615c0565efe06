"""Demo data of the plans app (``load-demo-data``): the seed's «Plan for fylkeskommunens ansvarsområder på
integreringsområdet (2021–2023)» (expired, with its final report) and its successor for 2024–2027 (adopted and
public): focus areas for the seven areas, measures in every status and light, status updates over two years,
automatic and manual indicators, action programmes and a completed period report. A plan already there is left
as it is (a reload keeps what users have done since)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from integrering.core.models import User
from integrering.core.registry import linkable_kind
from integrering.plans.indicators.services import indicator_create, indicator_target_set, indicator_value_add
from integrering.plans.measures.models import Light, MeasureStatus
from integrering.plans.measures.services import measure_create, measure_link_add, programme_revise, status_update_post
from integrering.plans.plans.models import Area, Goal, Plan
from integrering.plans.plans.services import focus_area_create, goal_create, plan_create
from integrering.plans.reports.services import report_complete, report_create

# The seed's seven areas of responsibility (Fredagsprat 20.11.2020), a goal and measures for each.
AREAS = [
    (
        Area.SETTLEMENT,
        "Bosetting",
        "Rask og god bosetting i hele fylket",
        [
            "Anbefaling om bosetting til IMDi",
            "Dialogmøter med kommunene om anmodningen",
            "Boligsosialt samarbeid med Husbanken",
        ],
    ),
    (
        Area.MUNICIPAL_GUIDANCE,
        "Veiledning og kompetanseheving for kommuner",
        "Kommunene har kompetanse på kvalifisering",
        [
            "Nettverkssamlinger for introduksjonsprogrammene",
            "Veiledningsbesøk i små kommuner",
            "Kurs i integreringsloven",
        ],
    ),
    (
        Area.SOCIAL_CONTROL,
        "Forebygge negativ sosial kontroll",
        "Færre utsettes for negativ sosial kontroll",
        ["Regionalt nettverk mot negativ sosial kontroll", "Kompetanseheving for skolene"],
    ),
    (
        Area.VOLUNTARY,
        "Regional oppfølging av frivilligheten",
        "Frivilligheten er en ressurs i integreringen",
        ["Årlig frivillighetskonferanse", "Møteplass for innvandrerorganisasjoner", "Veiledning om tilskudd"],
    ),
    (
        Area.GRANTS,
        "Tilskuddsordninger",
        "Tilskuddene når dem som trenger dem",
        ["Forenklet søknadsprosess", "Rapportering på tildelte midler", "Utlysning av integreringstilskudd"],
    ),
    (
        Area.SECTOR_COOPERATION,
        "Samarbeid med regionale sektormyndigheter",
        "Samordnet innsats i regionen",
        ["Regionalt partnerskap med NAV og Statsforvalteren", "Felles kunnskapsgrunnlag med IMDi og KS"],
    ),
    (
        Area.INTEGRATION_ACT,
        "Utvidet ansvar etter integreringsloven",
        "Flere fullfører kvalifisering",
        [
            "Karriereveiledning før vedtak om program",
            "Norskopplæring for deltakere i videregående (§ 30)",
            "Plan for kvalifisering av innvandrere",
            "Karrieresentrene i alle regioner",
        ],
    ),
]
STATUSES = [
    MeasureStatus.IN_PROGRESS,
    MeasureStatus.IN_PROGRESS,
    MeasureStatus.DONE,
    MeasureStatus.NOT_STARTED,
    MeasureStatus.POSTPONED,
    MeasureStatus.IN_PROGRESS,
    MeasureStatus.CANCELLED,
]
LIGHTS = [Light.GREEN, Light.YELLOW, Light.GREEN, Light.RED, Light.GREEN]
COMMENTS = {
    Light.YELLOW: "Forsinket oppstart; ny framdriftsplan i neste kvartal.",
    Light.RED: "Mangler ressurser; tiltaket er ikke i rute.",
}
OLD_TITLE = "Plan for fylkeskommunens ansvarsområder på integreringsområdet (2021–2023)"
NEW_TITLE = "Plan for fylkeskommunens ansvarsområder på integreringsområdet (2024–2027)"


def _people(county: Any) -> list[User]:
    advisers = list(User.objects.filter(county=county, roles__role="adviser").order_by("pk").distinct())
    return advisers or list(User.objects.filter(county=county).order_by("pk")[:1])


def _plan_tree(plan: Plan, people: list[User], *, measures_per_area: int | None) -> list:
    measures = []
    for index, (area, title, goal_title, measure_titles) in enumerate(AREAS, start=1):
        focus = focus_area_create(plan=plan, identifier=str(index), title=title, area=area)
        goal = goal_create(focus_area=focus, identifier=f"{index}.1", title=goal_title)
        for number, measure_title in enumerate(measure_titles[:measures_per_area], start=1):
            person = people[(index + number) % len(people)] if people else None
            measures.append(
                measure_create(
                    goal=goal,
                    identifier=f"{index}.{number}",
                    title=measure_title,
                    areas=[area],
                    responsible_unit="Seksjon for integrering",
                    primary_person=person,
                    partners="IMDi, KS, kommunene",
                    start=datetime.date(plan.first_year, 1, 1),
                    end=datetime.date(plan.last_year, 12, 31),
                )
            )
    return measures


def _history(measures: list, people: list[User], now: datetime.datetime) -> None:
    """Status updates over two years; the newest gives each measure its status and light (every one occurs)."""
    for n, measure in enumerate(measures):
        status, light = STATUSES[n % len(STATUSES)], LIGHTS[n % len(LIGHTS)]
        # Every fourth measure was last updated about four months ago: not followed up (stale).
        newest_days = 120 + n if n % 4 == 3 else 5 + n * 3
        author = measure.primary_person or people[0]
        for step, days in enumerate((700 - n * 5, 400 - n * 3, 200 - n, newest_days)):
            last = days == newest_days
            step_light = light if last else Light.GREEN
            status_update_post(
                measure=measure,
                author=author,
                at=now - datetime.timedelta(days=days),
                text=f"Statusrapport {step + 1}: arbeidet følger planen."
                if not last
                else f"Siste status: {MeasureStatus(status).label}.",
                status=status if last else MeasureStatus.IN_PROGRESS,
                light=step_light,
                light_comment=COMMENTS.get(step_light, ""),
                public=step % 2 == 1 or last,
            )


def _indicators(plan: Plan, user: User) -> None:
    goals = {g.identifier: g for g in Goal.objects.filter(focus_area__plan=plan)}
    settled = indicator_create(
        goal=goals["1.1"],
        name="Bosatte i prosent av IMDis anmodning",
        metric_key="settlement.settled_share",
        baseline=95,
        baseline_year=2021,
    )
    guided = indicator_create(
        goal=goals["7.1"],
        name="Andel karriereveiledet før vedtak om program",
        metric_key="guidance.guided_before_decision",
        baseline=40,
        baseline_year=2023,
    )
    network = indicator_create(
        goal=goals["2.1"],
        name="Kommuner som deltar på nettverkssamlinger",
        unit="kommuner",
        baseline=20,
        baseline_year=2023,
    )
    volunteers = indicator_create(
        goal=goals["4.1"],
        name="Frivillige organisasjoner i integreringsarbeid",
        unit="organisasjoner",
        baseline=12,
        baseline_year=2023,
    )
    for year in range(plan.first_year, plan.last_year + 1):
        indicator_target_set(indicator=settled, year=year, value=100)
        indicator_target_set(indicator=guided, year=year, value=60 + 10 * (year - plan.first_year))
        indicator_target_set(indicator=network, year=year, value=25 + 3 * (year - plan.first_year))
        indicator_target_set(indicator=volunteers, year=year, value=15 + 2 * (year - plan.first_year))
    for year, value in ((2024, 24), (2025, 29)):
        indicator_value_add(indicator=network, year=year, value=value, user=user)
    for year, value in ((2024, 14), (2025, 16)):
        indicator_value_add(indicator=volunteers, year=year, value=value, user=user)


def _links(measures: list, county: Any) -> None:
    kind = linkable_kind("settlement.year")
    if kind is None:
        return
    for object_id, _label in kind.options(county=county)[:2]:
        measure_link_add(measure=measures[0], kind=kind.key, object_id=object_id)


@transaction.atomic
def load(*, county: Any, stdout: Any) -> None:
    people = _people(county)
    if (
        not people
        or Plan.objects.filter(slug__in=["integreringsplan-2021-2023", "integreringsplan-2024-2027"]).exists()
    ):
        return
    now = timezone.now()
    old = plan_create(
        county=county,
        title=OLD_TITLE,
        slug="integreringsplan-2021-2023",
        first_year=2021,
        last_year=2023,
        status="adopted",
        adopted_on=datetime.date(2020, 12, 15),
        adopted_by="Fylkestinget",
    )
    old_measures = _plan_tree(old, people, measures_per_area=1)
    for measure in old_measures:
        status_update_post(
            measure=measure,
            author=people[0],
            at=datetime.datetime(2023, 12, 1, 12, tzinfo=datetime.UTC),
            text="Sluttstatus for planperioden.",
            status=MeasureStatus.DONE,
            light=Light.GREEN,
        )
    old_goal = Goal.objects.get(focus_area__plan=old, identifier="1.1")
    settled = indicator_create(
        goal=old_goal,
        name="Bosatte i prosent av IMDis anmodning",
        metric_key="settlement.settled_share",
        baseline=95,
        baseline_year=2021,
    )
    for year in range(2021, 2024):
        indicator_target_set(indicator=settled, year=year, value=100)
    final = report_create(
        plan=old, title="Sluttrapport 2021–2023", start=datetime.date(2021, 1, 1), end=datetime.date(2023, 12, 31)
    )
    report_complete(report=final, user=people[0])
    Plan.objects.filter(pk=old.pk).update(status="expired")

    new = plan_create(
        county=county,
        title=NEW_TITLE,
        slug="integreringsplan-2024-2027",
        first_year=2024,
        last_year=2027,
        status="adopted",
        adopted_on=datetime.date(2023, 12, 12),
        adopted_by="Fylkestinget",
        public=True,
    )
    measures = _plan_tree(new, people, measures_per_area=None)
    _history(measures, people, now)
    _indicators(new, people[0])
    _links(measures, county)
    for year, revisions in ((2025, 1), (2026, 2)):
        for revision in range(revisions):
            chosen = measures[: 12 + 4 * revision]
            programme_revise(
                plan=new,
                year=year,
                user=people[0],
                note="Vedtatt i fylkestinget" if revision else "",
                items=[
                    {"measure": m, "budget": 50_000 * (i % 5 + 1), "responsible": m.responsible_unit}
                    for i, m in enumerate(chosen)
                ],
            )
    report = report_create(
        plan=new,
        title=f"Årsrapport tiltak {now.year - 1}",
        start=datetime.date(now.year - 1, 1, 1),
        end=datetime.date(now.year - 1, 12, 31),
    )
    report_complete(report=report, user=people[0])
    report_create(
        plan=new,
        title=f"1. tertial {now.year}",
        start=datetime.date(now.year, 1, 1),
        end=datetime.date(now.year, 4, 30),
    )
